import { useEffect, useRef, useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { Notice, PublicSettings } from '../../shared/types';
import type { AlertCondition } from '../../shared/alert-rules';
import { useTickerBootstrap } from '../hooks/use-ticker-bootstrap';
import { AboutSection } from './about-section';
import { AlertsSection } from './alerts-section';
import { KeySection } from './key-section';
import { ListsSection } from './lists-section';
import { MarketHoursPanel } from './market-hours-panel';
import { NoticeBanner } from './notice-banner';
import { PreferencesSection } from './preferences-section';
import { PortfolioSection } from './portfolio-section';
import { RelaySection } from './relay-section';
import { SecondStripSection } from './second-strip-section';
import { StatusPanel } from './status-panel';
import { SymbolsSection } from './symbols-section';
import { TransferSection } from './transfer-section';

export interface SettingsAppProps {
  api: SettingsApi;
  locale: string;
}

const OVERVIEW_REFRESH_MS = 3000;

/** `settings` with one list's symbols replaced (and the strip's symbols, when it is the shown list). */
function withListSymbols(settings: PublicSettings, listId: string, symbols: string[]): PublicSettings {
  return {
    ...settings,
    lists: settings.lists.map((list) => (list.id === listId ? { ...list, symbols } : list)),
    symbols: listId === settings.shownListId ? symbols : settings.symbols,
  };
}

/** The settings window: key, symbols, look and behaviour, connection status, notices. */
export function SettingsApp({ api, locale }: SettingsAppProps) {
  const { settings, setSettings, overview, loadError } = useTickerBootstrap(api, {
    overviewRefreshMs: OVERVIEW_REFRESH_MS,
  });
  const [notices, setNotices] = useState<Notice[]>([]);
  /** The list the symbols section edits; null follows the list on the strip. */
  const [editingId, setEditingId] = useState<string | null>(null);
  const addInputRef = useRef<HTMLInputElement>(null);
  // "Add symbol…" may arrive before the list is on screen: focus the field once it is there.
  const [addFocusRequests, setAddFocusRequests] = useState(0);
  const loaded = settings !== null;
  const [alertFocus, setAlertFocus] = useState<{ ruleId: string; seq: number } | null>(null);
  const [alertPrefill, setAlertPrefill] = useState<{ condition: AlertCondition; seq: number } | null>(null);
  // "About Ticker" in the tray: About scrolls into view.
  const [aboutRequests, setAboutRequests] = useState(0);

  // The settings window's own requests: notices, "Add symbol…", alerts to show or start.
  useEffect(() => {
    const unsubscribers = [
      api.onNotice((notice) => setNotices((current) => [...current, notice].slice(-5))),
      // "Add symbol…" in the tray adds to the list on the strip.
      api.onFocusAddSymbol(() => {
        setEditingId(null);
        setAddFocusRequests((count) => count + 1);
      }),
      api.onShowAbout(() => setAboutRequests((count) => count + 1)),
      api.onPrefillAlert((condition) => setAlertPrefill((current) => ({ condition, seq: (current?.seq ?? 0) + 1 }))),
      api.onFocusAlert((ruleId) =>
        setAlertFocus((current) => ({
          ruleId: typeof ruleId === 'string' ? ruleId : '',
          seq: (current?.seq ?? 0) + 1,
        })),
      ),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [api]);

  useEffect(() => {
    if (addFocusRequests > 0 && loaded) addInputRef.current?.focus();
  }, [addFocusRequests, loaded]);

  // The list being edited, or the one on the strip when it is gone (deleted elsewhere) or not chosen.
  const editing = settings
    ? (settings.lists.find((list) => list.id === (editingId ?? settings.shownListId)) ??
      settings.lists.find((list) => list.id === settings.shownListId) ?? {
        id: settings.shownListId,
        name: '',
        symbols: settings.symbols,
      })
    : null;

  const dismiss = (notice: Notice) => setNotices((current) => current.filter((n) => n !== notice));

  return (
    <main className="settings">
      <header className="page-head">
        <h1>Ticker settings</h1>
        {overview ? (
          <span className={`pill state-${overview.status.state}`} aria-hidden="true">
            {overview.demo || overview.status.state === 'demo' ? 'Demo' : overview.status.state.replace('-', ' ')}
          </span>
        ) : null}
      </header>
      <NoticeBanner notices={notices} onDismiss={dismiss} />
      {loadError ? (
        <p className="field-error" role="alert">
          Could not load the settings: {loadError}
        </p>
      ) : null}
      {settings && editing ? (
        <>
          <KeySection
            api={api}
            keyInfo={settings.key}
            onKeyInfo={(key) => setSettings((current) => (current ? { ...current, key } : current))}
          />
          <ListsSection
            api={api}
            lists={settings.lists}
            shownListId={settings.shownListId}
            secondStripListId={settings.secondStrip.enabled ? settings.secondStrip.listId : null}
            editingId={editing.id}
            onEdit={(id) => setEditingId(id)}
            onSettings={(update) => setSettings((current) => (current ? update(current) : current))}
          />
          <SymbolsSection
            key={editing.id}
            api={api}
            listId={editing.id}
            listName={settings.lists.length > 1 ? editing.name : null}
            symbols={editing.symbols}
            maxSymbols={settings.maxSymbols}
            addInputRef={addInputRef}
            onSymbols={(symbols) =>
              setSettings((current) => (current ? withListSymbols(current, editing.id, symbols) : current))
            }
          />
          <AlertsSection
            api={api}
            alerts={settings.alerts}
            symbols={settings.symbols}
            alertSound={settings.preferences.alertSound}
            locale={locale}
            focus={alertFocus}
            prefill={alertPrefill}
            onSettings={setSettings}
            onAlerts={(alerts) => setSettings((current) => (current ? { ...current, alerts } : current))}
          />
          <PortfolioSection
            api={api}
            holdings={settings.holdings}
            privacy={settings.preferences.privacy}
            locale={locale}
            onHoldings={(holdings) => setSettings((current) => (current ? { ...current, holdings } : current))}
          />
          <PreferencesSection api={api} preferences={settings.preferences} onSettings={setSettings} />
          <TransferSection api={api} />
          <SecondStripSection api={api} settings={settings} onSettings={setSettings} />
          <MarketHoursPanel symbols={settings.symbols} />
          <RelaySection
            api={api}
            preferences={settings.preferences}
            symbols={settings.symbols}
            locale={locale}
            onSettings={setSettings}
          />
        </>
      ) : loadError ? null : (
        <p className="hint">Loading…</p>
      )}
      <StatusPanel overview={overview} locale={locale} />
      <AboutSection api={api} focusRequest={aboutRequests} />
    </main>
  );
}
