/**
 * Ticker's global shortcuts, registered with the system through Electron's globalShortcut and kept
 * in step with the saved preferences: a changed shortcut is re-registered at once, and one the
 * system refuses (another program holds it) is reported to the user by name and shown in settings.
 */
import type { GlobalShortcut } from 'electron';
import { acceleratorLabel, checkAccelerator } from '../../shared/accelerator';
import {
  SHORTCUTS,
  type ShortcutAction,
  type ShortcutDefinition,
  type ShortcutState,
  type ShortcutStatus,
} from '../../shared/shortcuts';
import type { Notice, Preferences } from '../../shared/types';

export interface GlobalShortcutsDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;
  /** What each shortcut does when pressed. */
  actions: Record<ShortcutAction, () => void>;
  notify(notice: Omit<Notice, 'at'>): void;
}

interface Held {
  /** The accelerator as saved ('' for none). */
  saved: string;
  /** The canonical accelerator registered with the system, or null. */
  registered: string | null;
  state: ShortcutState;
}

export class GlobalShortcuts {
  private readonly held = new Map<ShortcutAction, Held>();

  constructor(private readonly deps: GlobalShortcutsDeps) {}

  /** Register what `preferences` ask for; only shortcuts whose keys changed are touched. */
  apply(preferences: Pick<Preferences, ShortcutDefinition['preference']>): void {
    const isChanged = (definition: ShortcutDefinition): boolean =>
      this.held.get(definition.action)?.saved !== preferences[definition.preference];
    if (!SHORTCUTS.some(isChanged)) return;
    // A shortcut refused as a duplicate may be free now that the other one changed.
    const changed = SHORTCUTS.filter(
      (definition) => isChanged(definition) || this.held.get(definition.action)?.state === 'duplicate',
    );
    // Release every changed one first, so two shortcuts that swap keys can both be registered.
    for (const definition of changed) this.release(definition.action);
    for (const definition of changed) this.take(definition, preferences[definition.preference]);
  }

  /** Each shortcut's keys and state, in the order of SHORTCUTS. */
  status(): ShortcutStatus[] {
    return SHORTCUTS.map(({ action }) => {
      const held = this.held.get(action);
      return { action, accelerator: held?.saved ?? '', state: held?.state ?? 'none' };
    });
  }

  /** Give every shortcut back to the system (on quit). */
  dispose(): void {
    this.held.clear();
    try {
      this.deps.globalShortcut.unregisterAll();
    } catch (error) {
      console.error('[shortcuts] could not release the shortcuts:', error);
    }
  }

  private release(action: ShortcutAction): void {
    const held = this.held.get(action);
    if (!held?.registered) return;
    try {
      this.deps.globalShortcut.unregister(held.registered);
    } catch (error) {
      console.error(`[shortcuts] could not release ${held.registered}:`, error);
    }
    held.registered = null;
  }

  private take(definition: ShortcutDefinition, saved: string): void {
    const held: Held = { saved, registered: null, state: 'none' };
    this.held.set(definition.action, held);
    const checked = checkAccelerator(saved);
    // '' is "no shortcut"; anything else invalid never gets past the preference rules.
    if (!checked.ok) return;
    const label = acceleratorLabel(saved);
    const other = [...this.held.entries()].find(
      ([action, entry]) => action !== definition.action && entry.registered === checked.accelerator,
    );
    if (other) {
      held.state = 'duplicate';
      this.deps.notify({
        level: 'warning',
        message: `The shortcut ${label} is already Ticker's shortcut to ${describe(other[0])}, so it cannot also ${definition.description}. Choose other keys in Settings.`,
      });
      return;
    }
    let registered = false;
    try {
      registered = this.deps.globalShortcut.register(checked.accelerator, () => this.press(definition.action));
    } catch (error) {
      console.error(`[shortcuts] could not register ${checked.accelerator}:`, error);
    }
    if (!registered) {
      held.state = 'taken';
      this.deps.notify({
        level: 'warning',
        message: `The shortcut ${label} (to ${definition.description}) is held by another program. Choose other keys in Settings.`,
      });
      return;
    }
    held.registered = checked.accelerator;
    held.state = 'registered';
  }

  private press(action: ShortcutAction): void {
    try {
      this.deps.actions[action]();
    } catch (error) {
      console.error(`[shortcuts] ${action} failed:`, error);
    }
  }
}

function describe(action: ShortcutAction): string {
  return SHORTCUTS.find((definition) => definition.action === action)?.description ?? action;
}
