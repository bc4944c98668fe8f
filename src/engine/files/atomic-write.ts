/**
 * Replacing a file in one step: the new contents go to a temporary file beside it, which then
 * replaces it in one rename, so a crash leaves either the old file or the new one, never half of one.
 */
import type * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

type AtomicWriteFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'unlinkSync'>;

interface AtomicWriteOptions {
  /** The mode the temporary file is created with (the umask may take bits away). */
  mode?: number;
  /** Runs on the written temporary file just before the rename. */
  beforeRename?: (temporary: string) => void;
}

/** Write `text` to `path` through a temporary file in the same folder and a rename. */
export function writeThroughTemporary(
  path: string,
  text: string,
  fs: AtomicWriteFs,
  options: AtomicWriteOptions = {},
): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const { mode, beforeRename } = options;
  try {
    fs.writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    beforeRename?.(temporary);
    fs.renameSync(temporary, path);
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
