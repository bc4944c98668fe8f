/**
 * A JsonStore on one file, written atomically (a temporary file renamed over the old one), so a
 * crash mid-write leaves the previous cache, never half of one. A missing file reads as nothing;
 * an unreadable one throws and the cache starts empty.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JsonStore } from './context-cache';

/** The cache's file in the user-data folder, shared by the app and the headless command. */
export const CONTEXT_CACHE_FILE = 'context-cache.json';

/** A cache file larger than this is not read (a handful of symbols' context is a few hundred KiB). */
const MAX_CONTEXT_CACHE_BYTES = 8 * 1024 * 1024;

export function jsonFileStore(path: string): JsonStore {
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      }
      if (text.length > MAX_CONTEXT_CACHE_BYTES) throw new RangeError(`${path} is too large`);
      return JSON.parse(text) as unknown;
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}
