/**
 * Packages that `require('electron')` from CommonJS (electron-updater) bypass vi.mock, which only
 * reaches imports vitest transforms. This puts the project's Electron stand-in in Node's require
 * cache under the path `require('electron')` resolves to, so they get the stand-in too.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Lend `standIn` to every CommonJS `require('electron')`; returns the function that takes it back. */
export function lendElectronToRequire(standIn: object): () => void {
  const id = require.resolve('electron');
  const previous = require.cache[id];
  require.cache[id] = { id, filename: id, loaded: true, exports: standIn } as NodeJS.Module;
  return () => {
    if (previous) require.cache[id] = previous;
    else delete require.cache[id];
  };
}
