/**
 * Writing the settings file from outside the store (a repair at start, the command line's import):
 * the new contents go to a temporary file beside it, which then replaces it in one rename, so a
 * crash leaves either the old file or the new one. The file holds the relay token and the key blob:
 * it keeps the mode it has, and a new one is made 0600. A symlinked settings file stays a symlink
 * (the file it points to is replaced).
 */
import * as nodeFs from 'node:fs';
import { writeThroughTemporary } from '../files/atomic-write';

/** The mode a settings file is made with: only its owner may read it. */
const PRIVATE_FILE_MODE = 0o600;

export type ReplaceFs = Pick<
  typeof nodeFs,
  'writeFileSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'chmodSync' | 'realpathSync'
>;

/** The path writes go to: the file a symlink leads to, or `path` itself. */
function writeTarget(path: string, fs: Pick<ReplaceFs, 'realpathSync'> = nodeFs): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path; // not there yet (or a dangling link, which a write must not follow blindly)
  }
}

/** Replace the contents of `path` (already resolved, see writeTarget) in one rename. */
export function replaceFileContents(path: string, text: string, fs: ReplaceFs = nodeFs): void {
  let mode = PRIVATE_FILE_MODE;
  try {
    mode = fs.statSync(path).mode & 0o777;
  } catch {
    // A new file: private.
  }
  // The umask may have taken bits away from the mode asked for; give the file exactly its mode.
  writeThroughTemporary(path, text, fs, { mode, beforeRename: (temporary) => fs.chmodSync(temporary, mode) });
}

/** Write the settings file at `path` (following a symlink), keeping its mode or making it 0600. */
export function writeSettingsFile(path: string, text: string, fs: ReplaceFs = nodeFs): void {
  replaceFileContents(writeTarget(path, fs), text, fs);
}

/**
 * Make a settings file private (0600) if it is new: `existedBefore` says whether it was there before
 * the store library opened it. Returns a function to call after each write until the file exists.
 */
export function privateWhenCreated(path: () => string, existedBefore: boolean): () => void {
  let pending = !existedBefore;
  return () => {
    if (!pending || !nodeFs.existsSync(path())) return;
    nodeFs.chmodSync(path(), PRIVATE_FILE_MODE);
    pending = false;
  };
}

/** Whether the file exists now (for privateWhenCreated). */
export function fileExists(path: string): boolean {
  return nodeFs.existsSync(path);
}
