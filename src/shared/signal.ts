/**
 * A minimal typed event: subscribe returns its own unsubscribe, a throwing listener cannot break
 * the others, and there is nothing to leak once listeners unsubscribe.
 */
export class Signal<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Add a listener; call the returned function to remove it. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        // A faulty consumer must not stop the feed or the other consumers.
        console.error('[signal] listener failed:', error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
