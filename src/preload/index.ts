/**
 * The sandboxed preload (bundled as one CommonJS file, out/preload/index.cjs): exposes the typed
 * bridge of this window's kind as `window.ticker`, and nothing else. Main names the kind when it
 * creates the window (an argument in process.argv); a strip gets only the strip's channels, the
 * settings window only its own. Without a kind nothing is exposed. The page gets named functions
 * only; ipcRenderer itself stays here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { windowKindFromArgv } from '../shared/ipc-contract';
import { buildTickerApi } from './ticker-api';

const kind = windowKindFromArgv(process.argv);
const bridge = kind === null ? null : buildTickerApi(ipcRenderer, kind);
if (bridge !== null) contextBridge.exposeInMainWorld('ticker', bridge);
