/**
 * The sandboxed preload (bundled as one CommonJS file, out/preload/index.cjs): exposes the typed
 * bridge as `window.ticker`, and nothing else. The page gets named functions only; ipcRenderer
 * itself stays here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildTickerApi } from './ticker-api';

const ticker = buildTickerApi(ipcRenderer);
contextBridge.exposeInMainWorld('ticker', ticker);
