/**
 * Export and import of the watch lists and preferences (never the key or the relay token): an import
 * is checked whole and applied all or nothing, as one change, so each kind it touches says so once.
 */
import { applyTransfer, type ApplyTransferOptions, type TransferPreview } from './apply-transfer';
import type { TransferData, TransferSource } from './settings-transfer';
import type { SettingsState } from './settings-state';

export class TransferSettings {
  constructor(private readonly state: SettingsState) {}

  /** What an export holds. */
  source(): TransferSource {
    const { current } = this.state;
    return {
      lists: current.lists.map((list) => ({ ...list, symbols: [...list.symbols] })),
      shownListId: current.shownListId,
      preferences: { ...current.preferences },
    };
  }

  /** What importing `data` would change (nothing is applied): every change, old → new. */
  preview(data: TransferData): ({ ok: true } & TransferPreview) | { ok: false; problems: string[] } {
    const applied = applyTransfer(this.state.current, data, this.state.maxSymbols);
    return applied.ok
      ? { ok: true, changes: applied.changes, chartHost: applied.chartHost, switchOns: applied.switchOns }
      : applied;
  }

  /** Apply checked import data, all or nothing: the problems when it would break a limit. */
  apply(
    data: TransferData,
    options: ApplyTransferOptions = {},
  ): { ok: true; summary: string; changes: string[] } | { ok: false; problems: string[] } {
    const applied = applyTransfer(this.state.current, data, this.state.maxSymbols, options);
    if (!applied.ok) return applied;
    const saved = this.state.write(applied.settings);
    return {
      ok: true,
      changes: applied.changes,
      summary: saved
        ? applied.summary
        : `${applied.summary} It applies until Ticker quits: your settings cannot be saved now (see the notice).`,
    };
  }
}
