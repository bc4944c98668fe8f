import { useState } from 'react';
import type { SettingsApi } from '../../shared/ipc-contract';
import type { WatchList } from '../../shared/types';
import { listNameProblem, MAX_LIST_NAME_LENGTH, MAX_WATCH_LISTS, sameListName } from '../../shared/watch-lists';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { TextField } from './forms/inputs';
import { ListRow } from './list-row';
import { useAction } from './use-action';
import { SubmitForm } from './forms/submit-form';

export interface ListsSectionProps {
  api: SettingsApi;
  lists: readonly WatchList[];
  shownListId: string;
  /** The list the second strip shows while it is on (null while it is off). */
  secondStripListId?: string | null;
  /** The list the symbols section below edits. */
  editingId: string;
  onEdit: (listId: string) => void;
}

/** Why `name` cannot be used for a list here (empty, too long, taken), or null. */
export function nameProblem(name: string, lists: readonly WatchList[], ownId?: string): string | null {
  const problem = listNameProblem(name);
  if (problem) return `${problem}.`;
  const clash = lists.find((list) => list.id !== ownId && sameListName(list.name, name));
  return clash ? `There is already a list named “${clash.name}”.` : null;
}

/** A name typed may be this much longer than the rule allows, so the rule (not the field) says why it is too long. */
export const LIST_NAME_FIELD_LENGTH = MAX_LIST_NAME_LENGTH * 2;

function NewListForm({
  api,
  lists,
  onCreated,
}: Pick<ListsSectionProps, 'api' | 'lists'> & { onCreated(list: WatchList): void }) {
  const [draft, setDraft] = useState('');
  const creating = useAction();
  const create = () => {
    const problem = nameProblem(draft, lists);
    if (problem) return creating.fail(problem);
    void creating.run(
      () => api.createList(draft.trim()),
      (list) => {
        setDraft('');
        onCreated(list);
        return null;
      },
    );
  };
  return (
    <SubmitForm className="new-list" onSubmit={create}>
      <TextField
        id="new-list-name"
        label="Name of a new list"
        hideLabel
        placeholder="New list, e.g. Crypto"
        maxLength={LIST_NAME_FIELD_LENGTH}
        value={draft}
        error={creating.error}
        onChange={(value) => {
          setDraft(value);
          creating.reset();
        }}
        after={
          <ActionButton type="submit" pending={creating.pending} disabled={lists.length >= MAX_WATCH_LISTS}>
            Create list
          </ActionButton>
        }
      />
    </SubmitForm>
  );
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
}: ListsSectionProps) {
  const [rowError, setRowError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const full = lists.length >= MAX_WATCH_LISTS;

  return (
    <section className="card" aria-labelledby="lists-heading">
      <div className="card-head">
        <h3 id="lists-heading">Watch lists</h3>
        <span className={full ? 'count full' : 'count'}>
          {lists.length} of {MAX_WATCH_LISTS}
        </span>
      </div>
      <p className="hint">
        The strip shows one list; switch it here or from the tray. A symbol can be in several lists.
      </p>
      <ul className="list-list" aria-label="Watch lists">
        {lists.map((list) => (
          <ListRow
            key={list.id}
            api={api}
            list={list}
            lists={lists}
            shown={list.id === shownListId}
            onSecondStrip={list.id === secondStripListId}
            editing={list.id === editingId}
            onEdit={onEdit}
            onError={setRowError}
            onAnnounce={setAnnouncement}
          />
        ))}
      </ul>
      <FieldError id="lists-error" message={rowError} />
      <NewListForm
        api={api}
        lists={lists}
        onCreated={(list) => {
          onEdit(list.id);
          setAnnouncement(`List ${list.name} created. Add symbols to it below.`);
        }}
      />
      <p className="visually-hidden" aria-live="polite" data-testid="lists-live">
        {announcement}
      </p>
    </section>
  );
}
