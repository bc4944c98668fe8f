/**
 * Which category the settings window shows, and the requests that open it somewhere: a tray item,
 * a notification, "Alert when…" on the strip, a click in the sidebar. Each request names a category
 * and, optionally, the field to focus; without a field the focus lands on the category's heading.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { AlertCondition } from '../../shared/alert-rules';
import type { SettingsApi } from '../../shared/ipc-contract';
import {
  DEFAULT_SETTINGS_CATEGORY,
  parseSettingsTarget,
  type SettingsCategory,
  type SettingsTarget,
} from '../../shared/settings-categories';
import { settle } from '../bridge';
import { headingId } from './category-panel';

/** A request with a counter, so the same request twice acts twice. */
export interface Request<T> {
  value: T;
  seq: number;
}

export interface SettingsNavigation {
  category: SettingsCategory;
  /** Show a category (the sidebar); `focusHeading` moves the focus to its heading. */
  select(category: SettingsCategory, focusHeading: boolean): void;
  /** A notification's rule to show ('' for the list), for the Alerts category. */
  alertFocus: Request<string> | null;
  /** "Alert when…": a new alert to start, for the Alerts category. */
  alertPrefill: Request<AlertCondition> | null;
  /** "Add symbol…" in the tray, for the symbols of the list on the strip. */
  addSymbol: Request<null> | null;
}

function next<T>(value: T) {
  return (current: Request<T> | null): Request<T> => ({ value, seq: (current?.seq ?? 0) + 1 });
}

/** Focus the field a target names, or the category's heading; scrolled into view. */
function focusTarget(target: SettingsTarget): void {
  const field = target.field ? document.getElementById(target.field) : null;
  const element =
    field && field.closest('[hidden]') === null ? field : document.getElementById(headingId(target.category));
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}

export function useSettingsNavigation(api: SettingsApi): SettingsNavigation {
  const [category, setCategory] = useState<SettingsCategory>(DEFAULT_SETTINGS_CATEGORY);
  // The target to focus once its category is on screen.
  const [focus, setFocus] = useState<Request<SettingsTarget> | null>(null);
  const [alertFocus, setAlertFocus] = useState<Request<string> | null>(null);
  const [alertPrefill, setAlertPrefill] = useState<Request<AlertCondition> | null>(null);
  const [addSymbol, setAddSymbol] = useState<Request<null> | null>(null);

  const open = useCallback(
    (target: SettingsTarget, focusIt: boolean) => {
      setCategory(target.category);
      if (focusIt) setFocus(next(target));
      // Main opens the window here next time (nothing to show if it could not note it).
      void settle(() => api.rememberCategory(target.category));
    },
    [api],
  );

  useEffect(() => {
    const unsubscribers = [
      api.onShowSettings((raw) => {
        const target = parseSettingsTarget(raw);
        if (target) open(target, true);
      }),
      api.onShowAbout(() => open({ category: 'about' }, true)),
      // The next three focus inside their category themselves (a rule, the new alert, the add field).
      api.onFocusAddSymbol(() => {
        open({ category: 'lists' }, false);
        setAddSymbol(next(null));
      }),
      api.onFocusAlert((ruleId) => {
        open({ category: 'alerts' }, false);
        setAlertFocus(next(typeof ruleId === 'string' ? ruleId : ''));
      }),
      api.onPrefillAlert((condition) => {
        open({ category: 'alerts' }, false);
        setAlertPrefill(next(condition));
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [api, open]);

  // After the category is shown (not hidden any more), so the focus can land in it.
  useLayoutEffect(() => {
    if (focus) focusTarget(focus.value);
  }, [focus]);

  const select = useCallback(
    (chosen: SettingsCategory, focusHeading: boolean) => open({ category: chosen }, focusHeading),
    [open],
  );

  return { category, select, alertFocus, alertPrefill, addSymbol };
}
