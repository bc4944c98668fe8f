/** One watch list's row: edit it below, show it on the strip, rename it in place, delete it after a confirmation. */
import { useState } from 'react';
import type { Result, SettingsApi } from '../../shared/ipc-contract';
import type { WatchList } from '../../shared/types';
import { ActionButton } from './forms/action-button';
import { TextField } from './forms/inputs';
import { LIST_NAME_FIELD_LENGTH, nameProblem } from './lists-section';
import { useAction } from './use-action';
import { SubmitForm } from './forms/submit-form';

export interface ListRowProps {
  api: SettingsApi;
  list: WatchList;
  lists: readonly WatchList[];
  shown: boolean;
  onSecondStrip: boolean;
  editing: boolean;
  onEdit(listId: string): void;
  /** A call's error, shown under the lists. */
  onError(message: string | null): void;
  onAnnounce(text: string): void;
}

type Mode = { kind: 'view' } | { kind: 'rename'; draft: string } | { kind: 'delete' };

function symbolCount(count: number): string {
  return `${count} symbol${count === 1 ? '' : 's'}`;
}

export function ListRow({
  api,
  list,
  lists,
  shown,
  onSecondStrip,
  editing,
  onEdit,
  onError,
  onAnnounce,
}: ListRowProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const action = useAction();
  const finish = (message: string) => {
    setMode({ kind: 'view' });
    onError(null);
    onAnnounce(message);
    return null;
  };
  const run = <T,>(call: () => Promise<Result<T>>, message: string) => {
    onError(null);
    void action
      .run(call, () => finish(message))
      .then((result) => {
        if (!result.ok) onError(result.error.message);
      });
  };
  const cancel = () => {
    setMode({ kind: 'view' });
    onError(null);
  };

  if (mode.kind === 'rename')
    return (
      <li className={`list-row${editing ? ' editing' : ''}`} data-list={list.id}>
        <RenameForm
          list={list}
          draft={mode.draft}
          pending={action.pending}
          onDraft={(draft) => {
            setMode({ kind: 'rename', draft });
            onError(null);
          }}
          onSubmit={() => {
            const problem = nameProblem(mode.draft, lists, list.id);
            if (problem) onError(problem);
            else run(() => api.renameList(list.id, mode.draft.trim()), `List renamed to ${mode.draft.trim()}.`);
          }}
          onCancel={cancel}
        />
      </li>
    );

  if (mode.kind === 'delete')
    return (
      <li className={`list-row${editing ? ' editing' : ''}`} data-list={list.id}>
        <div className="row grow" role="group" aria-label={`Delete ${list.name}?`}>
          <span className="grow">
            Delete “{list.name}”{list.symbols.length > 0 ? ` and its ${symbolCount(list.symbols.length)}` : ''}?
          </span>
          <ActionButton
            variant="danger"
            autoFocus
            pending={action.pending}
            onClick={() => run(() => api.deleteList(list.id), `List ${list.name} deleted.`)}
          >
            Delete list
          </ActionButton>
          <ActionButton onClick={cancel}>Cancel</ActionButton>
        </div>
      </li>
    );

  return (
    <li className={`list-row${editing ? ' editing' : ''}`} data-list={list.id}>
      <button
        type="button"
        className="link-button list-name"
        aria-pressed={editing}
        aria-label={`Edit ${list.name}`}
        onClick={() => onEdit(list.id)}
      >
        {list.name}
      </button>
      <span className="symbol-raw">{symbolCount(list.symbols.length)}</span>
      {shown ? <span className="on-strip">On the strip</span> : null}
      {onSecondStrip ? <span className="on-strip second">On the second strip</span> : null}
      <span className="row-actions">
        {shown ? null : (
          <ActionButton
            aria-label={`Show ${list.name} on the strip`}
            pending={action.pending}
            onClick={() => run(() => api.showList(list.id), `The strip now shows ${list.name}.`)}
          >
            Show
          </ActionButton>
        )}
        <ActionButton aria-label={`Rename ${list.name}`} onClick={() => setMode({ kind: 'rename', draft: list.name })}>
          Rename
        </ActionButton>
        <ActionButton
          variant="danger"
          aria-label={`Delete ${list.name}`}
          disabled={lists.length === 1}
          title={lists.length === 1 ? 'Ticker needs at least one list' : undefined}
          onClick={() => setMode({ kind: 'delete' })}
        >
          Delete
        </ActionButton>
      </span>
    </li>
  );
}

interface RenameFormProps {
  list: WatchList;
  draft: string;
  pending: boolean;
  onDraft(draft: string): void;
  onSubmit(): void;
  onCancel(): void;
}

/** The new name, typed in place of the row; Escape cancels. */
function RenameForm({ list, draft, pending, onDraft, onSubmit, onCancel }: RenameFormProps) {
  return (
    <SubmitForm className="row grow" onSubmit={onSubmit}>
      <TextField
        id={`rename-${list.id}`}
        label={`New name for ${list.name}`}
        hideLabel
        className="grow"
        maxLength={LIST_NAME_FIELD_LENGTH}
        value={draft}
        autoFocus
        onKeyDown={(key) => key === 'Escape' && onCancel()}
        onChange={onDraft}
        after={
          <>
            <ActionButton type="submit" variant="primary" pending={pending}>
              Save
            </ActionButton>
            <ActionButton onClick={onCancel}>Cancel</ActionButton>
          </>
        }
      />
    </SubmitForm>
  );
}
