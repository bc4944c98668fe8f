/** Where the strip is (its display, docked or where it was dragged): saved, never shown to a page. */
import { TickerError } from '../../shared/ipc-contract';
import { isPlainDataObject } from '../../shared/preference-rules';
import { MAX_SYMBOL_LENGTH } from '../../shared/symbols';
import type { WindowState } from '../../shared/types';
import { isWindowKey, windowFieldProblem } from './repair-settings';
import type { SettingsState } from './settings-state';

/** Show at most this much of a rejected field name in an error message. */
function preview(text: string): string {
  return text.length > MAX_SYMBOL_LENGTH ? `${text.slice(0, MAX_SYMBOL_LENGTH)}…` : text;
}

export class WindowSettings {
  constructor(private readonly state: SettingsState) {}

  current(): WindowState {
    return { ...this.state.current.window };
  }

  /** Remember where the strip is; every field is checked first. */
  set(partial: Partial<WindowState>): WindowState {
    if (!isPlainDataObject(partial)) throw new TickerError('invalid-payload', 'Window state must be a plain object.');
    const next: Record<string, unknown> = { ...this.state.current.window };
    for (const [key, value] of Object.entries(partial)) {
      if (!isWindowKey(key)) throw new TickerError('invalid-payload', `Unknown window state field "${preview(key)}".`);
      const problem = windowFieldProblem(key, value);
      if (problem) throw new TickerError('invalid-payload', problem);
      next[key] = value;
    }
    this.state.write({ ...this.state.current, window: next as unknown as WindowState });
    return this.current();
  }
}
