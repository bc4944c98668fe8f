/**
 * The sandboxed preload (bundled as one CommonJS file, out/preload/index.cjs): exposes the typed
 * bridge as `window.ticker`, and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildTickerApi } from './ticker-api';

contextBridge.exposeInMainWorld('ticker', buildTickerApi(ipcRenderer));
