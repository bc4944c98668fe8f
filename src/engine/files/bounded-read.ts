/**
 * Reading a file the user names (a holdings CSV, an import, a settings file) without trusting it:
 * only a regular file is read (a FIFO, a device such as /dev/zero or a directory is refused before a
 * byte is read, and opening never waits for a writer), and the size is checked while reading, so a
 * file larger than the limit, or one that grows, costs at most the limit plus one chunk.
 */
import * as nodeFs from 'node:fs';

export type BoundedFs = Pick<typeof nodeFs, 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>;

export type BoundedRead = { ok: true; text: string } | { ok: false; problem: string };

const CHUNK_BYTES = 64 * 1024;

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

/** The file's text (UTF-8, a BOM kept for the parser to drop), or the problem in words naming the file. */
export function readBoundedText(path: string, maxBytes: number, fs: BoundedFs = nodeFs): BoundedRead {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = fs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: `"${path}" could not be read (${codeOf(error)})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: `"${path}" is not a regular file` };
    if (stat.size > maxBytes)
      return { ok: false, problem: `"${path}" is ${kib(stat.size)}; at most ${kib(maxBytes)} is read` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, problem: `"${path}" is larger than ${kib(maxBytes)}` };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return { ok: false, problem: `"${path}" could not be read (${codeOf(error)})` };
  } finally {
    fs.closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
}
