/**
 * The categories as an ARIA tablist: a sidebar, or a row of tabs on a narrow window. Arrow keys
 * (up/down in the sidebar, left/right in the row), Home and End move to another category and show
 * it; Enter, Space or a click also moves the focus to the category's heading.
 */
import { useRef, type KeyboardEvent } from 'react';
import { SETTINGS_CATEGORIES, type SettingsCategory } from '../../shared/settings-categories';

export interface CategoryNavProps {
  current: SettingsCategory;
  /** A narrow window: the categories are a row of tabs above the page. */
  horizontal: boolean;
  /** Show a category; `focusHeading` moves the focus into it. */
  onSelect(category: SettingsCategory, focusHeading: boolean): void;
}

export function tabId(category: SettingsCategory): string {
  return `category-tab-${category}`;
}

export function panelId(category: SettingsCategory): string {
  return `category-${category}`;
}

/** The category `step` places away from `from` (wrapping), or the first/last for Home/End. */
function neighbour(from: SettingsCategory, key: string, horizontal: boolean): SettingsCategory | null {
  const ids = SETTINGS_CATEGORIES.map((category) => category.id);
  const index = ids.indexOf(from);
  const [back, forward] = horizontal ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  if (key === 'Home') return ids[0] ?? null;
  if (key === 'End') return ids[ids.length - 1] ?? null;
  if (key === back) return ids[(index - 1 + ids.length) % ids.length] ?? null;
  if (key === forward) return ids[(index + 1) % ids.length] ?? null;
  return null;
}

export function CategoryNav({ current, horizontal, onSelect }: CategoryNavProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = neighbour(current, event.key, horizontal);
    if (next === null) return;
    event.preventDefault();
    onSelect(next, false);
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <nav className="category-nav" aria-label="Settings categories">
      <div
        ref={list}
        role="tablist"
        aria-orientation={horizontal ? 'horizontal' : 'vertical'}
        className="category-list"
        onKeyDown={onKeyDown}
      >
        {SETTINGS_CATEGORIES.map(({ id, label }) => (
          <button
            key={id}
            id={tabId(id)}
            type="button"
            role="tab"
            className="category-tab"
            aria-selected={id === current}
            aria-controls={panelId(id)}
            tabIndex={id === current ? 0 : -1}
            onClick={() => onSelect(id, true)}
          >
            {label}
          </button>
        ))}
      </div>
    </nav>
  );
}
