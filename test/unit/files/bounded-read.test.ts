import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as nodeFs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoundedText, type BoundedFs } from '../../../src/engine/files/bounded-read';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ticker-bounded-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real fs, counting the bytes read. */
function counting(): BoundedFs & { bytes: number } {
  const fs = {
    bytes: 0,
    openSync: nodeFs.openSync,
    fstatSync: nodeFs.fstatSync,
    closeSync: nodeFs.closeSync,
    readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: null) => {
      const read = nodeFs.readSync(fd, buffer, offset, length, position);
      fs.bytes += read;
      return read;
    }) as BoundedFs['readSync'],
  };
  return fs;
}

describe('readBoundedText', () => {
  it('reads a regular file within the limit', () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, '\uFEFFsymbol,list\nAAPL,Tech\n');
    expect(readBoundedText(path, 1024)).toEqual({ ok: true, text: '\uFEFFsymbol,list\nAAPL,Tech\n' });
  });

  it('refuses a device such as /dev/zero before reading a byte', () => {
    const fs = counting();
    expect(readBoundedText('/dev/zero', 1024, fs)).toEqual({ ok: false, problem: '"/dev/zero" is not a regular file' });
    expect(fs.bytes).toBe(0);
  });

  it('refuses a FIFO without waiting for a writer, and a directory', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(readBoundedText(fifo, 1024)).toEqual({ ok: false, problem: `"${fifo}" is not a regular file` });
    expect(readBoundedText(dir, 1024)).toEqual({ ok: false, problem: `"${dir}" is not a regular file` });
  });

  it('refuses a file over the limit by its size, unread, and names a missing one', () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 'a'));
    const fs = counting();
    expect(readBoundedText(path, 256 * 1024, fs)).toEqual({
      ok: false,
      problem: `"${path}" is 3072 KiB; at most 256 KiB is read`,
    });
    expect(fs.bytes).toBe(0);
    expect(readBoundedText(join(dir, 'nope.csv'), 1024)).toEqual({
      ok: false,
      problem: `"${join(dir, 'nope.csv')}" could not be read (ENOENT)`,
    });
  });

  it('checks the size while reading: a file that grows past the limit costs at most the limit', () => {
    const path = join(dir, 'growing.csv');
    writeFileSync(path, 'x'.repeat(100));
    const fs = counting();
    let grown = false;
    const growing: BoundedFs = {
      ...fs,
      readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: null) => {
        if (!grown) {
          grown = true;
          nodeFs.appendFileSync(path, 'y'.repeat(10 * 1024 * 1024));
        }
        return fs.readSync(fd, buffer, offset, length, position);
      }) as BoundedFs['readSync'],
    };
    expect(readBoundedText(path, 200 * 1024, growing)).toEqual({
      ok: false,
      problem: `"${path}" is larger than 200 KiB`,
    });
    expect(fs.bytes).toBeLessThanOrEqual(200 * 1024 + 1);
  });
});
