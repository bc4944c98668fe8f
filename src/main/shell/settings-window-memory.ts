/**
 * What the settings window remembers between runs: its size and the category it showed last, kept
 * in a small file of its own in the user-data folder. Read once and checked field by field: a file
 * that is missing, broken or hostile gives the defaults for what it got wrong; nothing here can
 * stop the window from opening.
 */
import { join } from 'node:path';
import { readBoundedText } from '../../engine/files/bounded-read';
import { writeSettingsFile } from '../../engine/settings/settings-file';
import { isSettingsCategory, type SettingsCategory } from '../../shared/settings-categories';

export interface SettingsWindowMemory {
  width: number | null;
  height: number | null;
  category: SettingsCategory | null;
}

export const EMPTY_MEMORY: Readonly<SettingsWindowMemory> = Object.freeze({
  width: null,
  height: null,
  category: null,
});

/** No screen is wider or taller than this; a bigger size in the file is nonsense. */
const MAX_WINDOW_SIDE = 16_384;

/** Far above the few dozen bytes the file holds. */
const MAX_MEMORY_FILE_BYTES = 4096;

export const SETTINGS_WINDOW_FILE = 'settings-window.json';

function side(value: unknown, min: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_WINDOW_SIDE
    ? value
    : null;
}

/** The memory from parsed JSON, each field checked on its own (a size below the window's minimum is dropped). */
export function parseSettingsWindowMemory(
  raw: unknown,
  minimum: { width: number; height: number },
): SettingsWindowMemory {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...EMPTY_MEMORY };
  const { width, height, category } = raw as Record<string, unknown>;
  return {
    width: side(width, minimum.width),
    height: side(height, minimum.height),
    category: isSettingsCategory(category) ? category : null,
  };
}

export interface MemoryFile {
  read(): unknown;
  write(memory: SettingsWindowMemory): void;
}

/** The memory file in `userDataDir`: unreadable or unparsable reads as nothing; a failed write is logged. */
export function settingsWindowMemoryFile(
  userDataDir: string,
  warn: (message: string, ...details: unknown[]) => void,
): MemoryFile {
  const path = join(userDataDir, SETTINGS_WINDOW_FILE);
  return {
    read() {
      const read = readBoundedText(path, MAX_MEMORY_FILE_BYTES);
      if (!read.ok) return null;
      try {
        return JSON.parse(read.text) as unknown;
      } catch {
        warn(`[settings-window] ${path} is not JSON; the window opens at its default size`);
        return null;
      }
    },
    write(memory) {
      try {
        writeSettingsFile(path, `${JSON.stringify(memory)}\n`);
      } catch (error) {
        warn('[settings-window] could not remember the window:', error);
      }
    },
  };
}
