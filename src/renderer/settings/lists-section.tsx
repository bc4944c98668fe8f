import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { PublicSettings, WatchList } from '../../shared/types';
import { listNameProblem, MAX_LIST_NAME_LENGTH, MAX_WATCH_LISTS, sameListName } from '../../shared/watch-lists';
import { settle } from '../bridge';

export interface ListsSectionProps {
  api: SettingsApi;
  lists: readonly WatchList[];
  shownListId: string;
  /** The list the second strip shows while it is on (null while it is off). */
  secondStripListId?: string | null;
  /** The list the symbols section below edits. */
  editingId: string;
  onEdit: (listId: string) => void;
  onSettings: (update: (current: PublicSettings) => PublicSettings) => void;
}

type Pending = { kind: 'rename'; id: string; draft: string } | { kind: 'delete'; id: string } | null;

/** Why `name` cannot be used for a list here (empty, too long, taken), or null. */
function nameProblem(name: string, lists: readonly WatchList[], ownId?: string): string | null {
  const problem = listNameProblem(name);
  if (problem) return `${problem}.`;
  const clash = lists.find((list) => list.id !== ownId && sameListName(list.name, name));
  return clash ? `There is already a list named “${clash.name}”.` : null;
}

/**
 * Named watch lists: create, rename, delete (after a confirmation), choose the one the strip shows
 * and the one the symbols section edits. A symbol may be in several lists.
 */
export function ListsSection({
  api,
  lists,
  shownListId,
  secondStripListId = null,
  editingId,
  onEdit,
  onSettings,
}: ListsSectionProps) {
  const [draft, setDraft] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const full = lists.length >= MAX_WATCH_LISTS;

  const withList =
    (list: WatchList) =>
    (current: PublicSettings): PublicSettings => ({
      ...current,
      lists: current.lists.some((l) => l.id === list.id)
        ? current.lists.map((l) => (l.id === list.id ? list : l))
        : [...current.lists, list],
    });

  const create = async () => {
    const problem = nameProblem(draft, lists);
    if (problem) {
      setCreateError(problem);
      return;
    }
    const result = await settle(() => api.createList(draft.trim()));
    if (!result.ok) {
      setCreateError(result.error.message);
      return;
    }
    setCreateError(null);
    setDraft('');
    onSettings(withList(result.value));
    onEdit(result.value.id);
    setAnnouncement(`List ${result.value.name} created. Add symbols to it below.`);
  };

  const rename = async (id: string, name: string) => {
    const problem = nameProblem(name, lists, id);
    if (problem) {
      setRowError(problem);
      return;
    }
    const result = await settle(() => api.renameList(id, name.trim()));
    if (!result.ok) {
      setRowError(result.error.message);
      return;
    }
    setRowError(null);
    setPending(null);
    onSettings(withList(result.value));
    setAnnouncement(`List renamed to ${result.value.name}.`);
  };

  const remove = async (list: WatchList) => {
    const result = await settle(() => api.deleteList(list.id));
    if (!result.ok) {
      setRowError(result.error.message);
      return;
    }
    setRowError(null);
    setPending(null);
    onSettings(() => result.value);
    if (editingId === list.id) onEdit(result.value.shownListId);
    setAnnouncement(`List ${list.name} deleted.`);
  };

  const show = async (list: WatchList) => {
    const result = await settle(() => api.showList(list.id));
    if (!result.ok) {
      setRowError(result.error.message);
      return;
    }
    setRowError(null);
    onSettings(() => result.value);
    setAnnouncement(`The strip now shows ${list.name}.`);
  };

  return (
    <section className="card" aria-labelledby="lists-heading">
      <div className="card-head">
        <h2 id="lists-heading">Watch lists</h2>
        <span className={full ? 'count full' : 'count'}>
          {lists.length} of {MAX_WATCH_LISTS}
        </span>
      </div>
      <p className="hint">
        The strip shows one list; switch it here or from the tray. A symbol can be in several lists.
      </p>
      <ul className="list-list" aria-label="Watch lists">
        {lists.map((list) => {
          const shown = list.id === shownListId;
          const editing = list.id === editingId;
          const renaming = pending?.kind === 'rename' && pending.id === list.id ? pending : null;
          const confirming = pending?.kind === 'delete' && pending.id === list.id;
          return (
            <li key={list.id} className={`list-row${editing ? ' editing' : ''}`} data-list={list.id}>
              {renaming ? (
                <form
                  className="row grow"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void rename(list.id, renaming.draft);
                  }}
                >
                  <label htmlFor={`rename-${list.id}`} className="visually-hidden">
                    New name for {list.name}
                  </label>
                  <input
                    id={`rename-${list.id}`}
                    type="text"
                    className="grow"
                    maxLength={MAX_LIST_NAME_LENGTH * 2}
                    value={renaming.draft}
                    autoFocus
                    aria-invalid={rowError ? 'true' : 'false'}
                    onChange={(event) => {
                      setPending({ kind: 'rename', id: list.id, draft: event.target.value });
                      setRowError(null);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        setPending(null);
                        setRowError(null);
                      }
                    }}
                  />
                  <button type="submit" className="primary">
                    Save
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setPending(null);
                      setRowError(null);
                    }}
                  >
                    Cancel
                  </button>
                </form>
              ) : confirming ? (
                <div className="row grow" role="group" aria-label={`Delete ${list.name}?`}>
                  <span className="grow">
                    Delete “{list.name}”
                    {list.symbols.length > 0
                      ? ` and its ${list.symbols.length} symbol${list.symbols.length === 1 ? '' : 's'}`
                      : ''}
                    ?
                  </span>
                  <button type="button" className="danger" autoFocus onClick={() => void remove(list)}>
                    Delete list
                  </button>
                  <button type="button" onClick={() => setPending(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <>
                  <button
                    type="button"
                    className="link-button list-name"
                    aria-pressed={editing}
                    aria-label={`Edit ${list.name}`}
                    onClick={() => onEdit(list.id)}
                  >
                    {list.name}
                  </button>
                  <span className="symbol-raw">
                    {list.symbols.length} symbol{list.symbols.length === 1 ? '' : 's'}
                  </span>
                  {shown ? <span className="on-strip">On the strip</span> : null}
                  {list.id === secondStripListId ? <span className="on-strip second">On the second strip</span> : null}
                  <span className="row-actions">
                    {shown ? null : (
                      <button
                        type="button"
                        aria-label={`Show ${list.name} on the strip`}
                        onClick={() => void show(list)}
                      >
                        Show
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={`Rename ${list.name}`}
                      onClick={() => {
                        setRowError(null);
                        setPending({ kind: 'rename', id: list.id, draft: list.name });
                      }}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete ${list.name}`}
                      disabled={lists.length === 1}
                      title={lists.length === 1 ? 'Ticker needs at least one list' : undefined}
                      onClick={() => {
                        setRowError(null);
                        setPending({ kind: 'delete', id: list.id });
                      }}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {rowError ? (
        <p className="field-error" role="alert">
          {rowError}
        </p>
      ) : null}
      <form
        className="row new-list"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label htmlFor="new-list-name" className="visually-hidden">
          Name of a new list
        </label>
        <input
          id="new-list-name"
          type="text"
          className="grow"
          placeholder="New list, e.g. Crypto"
          maxLength={MAX_LIST_NAME_LENGTH * 2}
          value={draft}
          aria-invalid={createError ? 'true' : 'false'}
          aria-describedby={createError ? 'new-list-error' : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setCreateError(null);
          }}
        />
        <button type="submit" disabled={full}>
          Create list
        </button>
      </form>
      {createError ? (
        <p className="field-error" id="new-list-error" role="alert">
          {createError}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-testid="lists-live">
        {announcement}
      </p>
    </section>
  );
}
