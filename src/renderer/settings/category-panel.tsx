/** One category's page: its heading (where the focus lands when the category opens) and its sections. */
import type { ReactNode } from 'react';
import { categoryLabel, type SettingsCategory } from '../../shared/settings-categories';
import { panelId, tabId } from './category-nav';

export interface CategoryPanelProps {
  category: SettingsCategory;
  current: SettingsCategory;
  /** One line under the heading saying what the category holds. */
  intro?: ReactNode;
  children: ReactNode;
}

export function headingId(category: SettingsCategory): string {
  return `${panelId(category)}-heading`;
}

/** Hidden while another category is shown, but kept mounted so a half-typed form survives a visit elsewhere. */
export function CategoryPanel({ category, current, intro, children }: CategoryPanelProps) {
  return (
    <section
      id={panelId(category)}
      role="tabpanel"
      aria-labelledby={tabId(category)}
      className="category-panel"
      data-category={category}
      hidden={category !== current}
    >
      <h2 id={headingId(category)} tabIndex={-1} className="category-heading">
        {categoryLabel(category)}
      </h2>
      {intro ? <p className="hint category-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
