/** Watch lists and symbols: the lists, the symbols of the one being edited, and the chart link. */
import { useEffect, useRef, useState } from 'react';
import { CategoryPanel } from '../category-panel';
import { ChartLinkField } from '../chart-link-field';
import { ListsSection } from '../lists-section';
import { SymbolsSection } from '../symbols-section';
import { usePreferenceDraft } from '../use-preference-draft';
import type { CategoryProps } from './category-props';

export function ListsCategory({ api, settings, current, navigation }: CategoryProps) {
  const prefs = usePreferenceDraft(api, settings.preferences);
  /** The list the symbols section edits; null follows the list on the strip. */
  const [editingId, setEditingId] = useState<string | null>(null);
  const addInputRef = useRef<HTMLInputElement>(null);

  // "Add symbol…" in the tray adds to the list on the strip.
  useEffect(() => {
    if (!navigation.addSymbol) return;
    setEditingId(null);
    addInputRef.current?.scrollIntoView({ block: 'center' });
    addInputRef.current?.focus();
  }, [navigation.addSymbol]);

  // The list being edited, or the one on the strip when it is gone (deleted elsewhere) or not chosen.
  const editing = settings.lists.find((list) => list.id === (editingId ?? settings.shownListId)) ??
    settings.lists.find((list) => list.id === settings.shownListId) ?? {
      id: settings.shownListId,
      name: '',
      symbols: settings.symbols,
    };

  return (
    <CategoryPanel category="lists" current={current}>
      <ListsSection
        api={api}
        lists={settings.lists}
        shownListId={settings.shownListId}
        secondStripListId={settings.secondStrip.enabled ? settings.secondStrip.listId : null}
        editingId={editing.id}
        onEdit={setEditingId}
      />
      <SymbolsSection
        key={editing.id}
        api={api}
        listId={editing.id}
        listName={settings.lists.length > 1 ? editing.name : null}
        symbols={editing.symbols}
        maxSymbols={settings.maxSymbols}
        addInputRef={addInputRef}
      />
      <section className="card" aria-labelledby="chart-link-heading">
        <h3 id="chart-link-heading">Chart link</h3>
        <ChartLinkField prefs={prefs} />
      </section>
    </CategoryPanel>
  );
}
