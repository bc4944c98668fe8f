/**
 * The settings window: the app's state in one line at the top, the categories in a sidebar (a row of
 * tabs on a narrow window), and the category shown. Everything renders from what main pushes.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { SettingsCategory } from '../../shared/settings-categories';
import type { Notice } from '../../shared/types';
import { useMediaQuery } from '../hooks/use-media-query';
import { useTickerBootstrap } from '../hooks/use-ticker-bootstrap';
import { AboutCategory } from './categories/about-category';
import { AppearanceCategory } from './categories/appearance-category';
import type { CategoryProps } from './categories/category-props';
import { GeneralCategory } from './categories/general-category';
import { KeyboardCategory } from './categories/keyboard-category';
import { ListsCategory } from './categories/lists-category';
import { MarketsCategory } from './categories/markets-category';
import { PortfolioCategory } from './categories/portfolio-category';
import { AlertsCategory, RelayCategory, TransferCategory } from './categories/simple-categories';
import { CategoryNav } from './category-nav';
import { CompanyNamesProvider } from './company-names';
import { NoticeBanner } from './notice-banner';
import { StatusLine } from './status-line';
import { useRelayView } from './use-relay-view';
import { useSettingsNavigation } from './use-settings-navigation';

export interface SettingsAppProps {
  api: SettingsApi;
  locale: string;
}

const OVERVIEW_REFRESH_MS = 3000;

/** Below this width the sidebar becomes a row of tabs. */
const NARROW_WINDOW_QUERY = '(max-width: 640px)';

const CATEGORIES: readonly [SettingsCategory, ComponentType<CategoryProps>][] = [
  ['general', GeneralCategory],
  ['lists', ListsCategory],
  ['alerts', AlertsCategory],
  ['portfolio', PortfolioCategory],
  ['appearance', AppearanceCategory],
  ['keyboard', KeyboardCategory],
  ['relay', RelayCategory],
  ['transfer', TransferCategory],
  ['markets', MarketsCategory],
  ['about', AboutCategory],
];

export function SettingsApp({ api, locale }: SettingsAppProps) {
  const { settings, overview, loadError } = useTickerBootstrap(api, { overviewRefreshMs: OVERVIEW_REFRESH_MS });
  const navigation = useSettingsNavigation(api);
  const relay = useRelayView(api);
  const narrow = useMediaQuery(NARROW_WINDOW_QUERY);
  const [notices, setNotices] = useState<Notice[]>([]);
  const { category } = navigation;

  useEffect(() => api.onNotice((notice) => setNotices((current) => [...current, notice].slice(-5))), [api]);

  const dismiss = (notice: Notice) => setNotices((current) => current.filter((n) => n !== notice));

  return (
    <div className={narrow ? 'settings narrow' : 'settings'}>
      <header className="page-head">
        <h1>Ticker settings</h1>
        <StatusLine
          overview={overview}
          relay={relay.view}
          preferences={settings?.preferences ?? null}
          onOpen={(target) => navigation.select(target, true)}
        />
      </header>
      <CategoryNav current={category} horizontal={narrow} onSelect={navigation.select} />
      <main className="category-content">
        <CompanyNamesProvider api={api}>
          <NoticeBanner notices={notices} onDismiss={dismiss} />
          {loadError ? (
            <p className="field-error" role="alert">
              Could not load the settings: {loadError}
            </p>
          ) : null}
          {settings
            ? CATEGORIES.map(([id, Category]) => (
                <Category
                  key={id}
                  api={api}
                  settings={settings}
                  locale={locale}
                  current={category}
                  navigation={navigation}
                  overview={overview}
                />
              ))
            : null}
          {settings || loadError ? null : <p className="hint">Loading…</p>}
        </CompanyNamesProvider>
      </main>
    </div>
  );
}
