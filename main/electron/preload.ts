/**
 * The preload of the main window (sandboxed; bundled to one CommonJS file,
 * out/preload/index.cjs). Exposes `window.xaso` (`XasoBridge`): one named method per channel of
 * the contract, plus `cancel`. Nothing else crosses the bridge: no `ipcRenderer`, no events.
 */
import { contextBridge, ipcRenderer } from 'electron';

import { channelNames } from '../service/contract.js';
import { buildBridge } from './bridge.js';

contextBridge.exposeInMainWorld('xaso', buildBridge(channelNames, ipcRenderer));
