/**
 * One bridge action's pending, success and error states. The page renders settings from what main
 * pushes; an answer only says whether the call worked (and, on success, what to tell the user).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/ipc-contract';
import { settle } from '../bridge';

type ActionState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'done'; message: string | null }
  | { kind: 'failed'; message: string };

export interface Action {
  state: ActionState;
  pending: boolean;
  /** The last call's error, or null. */
  error: string | null;
  /** What the last successful call had to say, or null. */
  message: string | null;
  /**
   * Run a bridge call. `done` turns its value into a message (or null for none, or `false` to go
   * back to idle, e.g. a cancelled dialog). Resolves with the settled result.
   */
  run<T>(call: () => Promise<Result<T>>, done?: (value: T) => string | null | false): Promise<Result<T>>;
  /** Forget the last outcome (the user changed what it was about). */
  reset(): void;
  /** Show an error found before any call (a check in the page). */
  fail(message: string): void;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const alive = useRef(true);
  // Only the latest call may set the state: an older answer arriving late is dropped.
  const latest = useRef(0);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(call: () => Promise<Result<T>>, done?: (value: T) => string | null | false): Promise<Result<T>> => {
      const id = ++latest.current;
      setState({ kind: 'pending' });
      const result = await settle(call);
      if (!alive.current || id !== latest.current) return result;
      if (!result.ok) setState({ kind: 'failed', message: result.error.message });
      else {
        const message = done ? done(result.value) : null;
        setState(message === false ? { kind: 'idle' } : { kind: 'done', message });
      }
      return result;
    },
    [],
  );
  const reset = useCallback(() => {
    latest.current += 1;
    setState({ kind: 'idle' });
  }, []);
  const fail = useCallback((message: string) => {
    latest.current += 1;
    setState({ kind: 'failed', message });
  }, []);

  return {
    state,
    pending: state.kind === 'pending',
    error: state.kind === 'failed' ? state.message : null,
    message: state.kind === 'done' ? state.message : null,
    run,
    reset,
    fail,
  };
}
