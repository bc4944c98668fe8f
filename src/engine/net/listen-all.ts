/**
 * Attach a set of event listeners to an emitter (a ws socket, a net socket) and get back the one
 * function that takes them all off again.
 */
import type { EventEmitter } from 'node:events';

type Listeners = Record<string, Parameters<EventEmitter['on']>[1]>;

/** `emitter.on` each listener; the returned function `off`s exactly those. */
export function listenAll(emitter: EventEmitter, listeners: Listeners): () => void {
  const entries = Object.entries(listeners);
  for (const [event, listener] of entries) emitter.on(event, listener);
  return () => {
    for (const [event, listener] of entries) emitter.off(event, listener);
  };
}
