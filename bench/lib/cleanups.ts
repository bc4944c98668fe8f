/** What a bench undoes when it ends: closing browsers, servers, temporary directories. */
export type Cleanup = () => Promise<void> | void;

/**
 * Run `cleanups` last first, each even when one before it failed (that one is logged under
 * `label`), so a failing close never leaves a browser or a server running behind it.
 */
export async function runCleanups(cleanups: Cleanup[], label: string): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[${label}] cleanup failed:`, error);
    }
  }
}
