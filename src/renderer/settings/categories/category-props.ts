/** What every category is given: the bridge, the pushed settings, the locale, and the requests addressed to it. */
import type { SettingsApi } from '../../../shared/ipc-contract';
import type { SettingsCategory } from '../../../shared/settings-categories';
import type { FeedOverview, PublicSettings } from '../../../shared/types';
import type { SettingsNavigation } from '../use-settings-navigation';

export interface CategoryProps {
  api: SettingsApi;
  /** The settings as main last pushed them: the only source the window renders from. */
  settings: PublicSettings;
  locale: string;
  /** The category on screen (the others are hidden). */
  current: SettingsCategory;
  navigation: SettingsNavigation;
  /** The connection and its counters (refreshed every few seconds), or null before the first answer. */
  overview: FeedOverview | null;
}
