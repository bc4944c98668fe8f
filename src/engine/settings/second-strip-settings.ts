/** The optional second strip: on or off, the list it shows, its edge and display. */
import { TickerError } from '../../shared/ipc-contract';
import { checkSecondStripPatch } from '../../shared/second-strip';
import { Signal } from '../../shared/signal';
import type { SecondStrip } from '../../shared/types';
import { writeOnScreen } from './list-settings';
import type { SettingsState } from './settings-state';

export class SecondStripSettings {
  /** The second strip was turned on or off, or its list, edge or display changed. */
  readonly changed = new Signal<SecondStrip>();

  constructor(private readonly state: SettingsState) {
    state.follow(
      (settings) => settings.secondStrip,
      (secondStrip) => this.changed.emit({ ...secondStrip }),
      true,
    );
  }

  current(): SecondStrip {
    return { ...this.state.current.secondStrip };
  }

  /**
   * Change the second strip; every field is checked first. Turning it on or switching its list is
   * refused when the lists on screen together would exceed the cap.
   */
  set(patch: Partial<SecondStrip>): SecondStrip {
    const { current } = this.state;
    const checked = checkSecondStripPatch(
      patch,
      current.lists.map((list) => list.id),
    );
    if (!checked.ok)
      throw new TickerError(checked.field === 'listId' ? 'not-found' : 'invalid-payload', `${checked.message}.`);
    writeOnScreen(this.state, { ...current, secondStrip: { ...current.secondStrip, ...checked.value } });
    return this.current();
  }
}
