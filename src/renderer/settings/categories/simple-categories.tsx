/** The categories that hold one section each: Alerts, Relay, Import and export. */
import { AlertsSection } from '../alerts-section';
import { CategoryPanel } from '../category-panel';
import { RelaySection } from '../relay-section';
import { TransferSection } from '../transfer-section';
import type { CategoryProps } from './category-props';

export function AlertsCategory({ api, settings, locale, current, navigation }: CategoryProps) {
  return (
    <CategoryPanel category="alerts" current={current}>
      <AlertsSection
        api={api}
        alerts={settings.alerts}
        symbols={settings.symbols}
        preferences={settings.preferences}
        locale={locale}
        focus={navigation.alertFocus}
        prefill={navigation.alertPrefill}
      />
    </CategoryPanel>
  );
}

export function RelayCategory({ api, settings, locale, current }: CategoryProps) {
  return (
    <CategoryPanel category="relay" current={current}>
      <RelaySection api={api} preferences={settings.preferences} symbols={settings.symbols} locale={locale} />
    </CategoryPanel>
  );
}

export function TransferCategory({ api, current }: CategoryProps) {
  return (
    <CategoryPanel category="transfer" current={current}>
      <TransferSection api={api} />
    </CategoryPanel>
  );
}
