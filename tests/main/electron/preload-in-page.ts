/**
 * Bundled by renderer-in-chromium.test.ts into an init script: the preload's work (build
 * `window.xaso` from the contract's channel names with `buildBridge`), with Electron's
 * contextBridge/ipcRenderer replaced by functions the test exposes to the page. Runs in the page.
 */
import { buildBridge } from '../../../main/electron/bridge.js';
import { channelNames } from '../../../main/service/contract.js';

type Listener = (event: unknown, ...args: unknown[]) => void;
type PageGlobals = {
  xaso?: unknown;
  __xasoInvoke: (channel: string, envelope: unknown) => Promise<unknown>;
  __xasoSend: (channel: string, requestId: unknown) => Promise<void>;
  __xasoEmit?: (channel: string, message: unknown) => void;
};

const page = globalThis as unknown as PageGlobals;
const listeners = new Map<string, Listener[]>();
page.__xasoEmit = (channel, message) => {
  for (const listener of listeners.get(channel) ?? []) listener({}, message);
};
page.xaso = Object.freeze(
  buildBridge(channelNames, {
    invoke: (channel, envelope) => page.__xasoInvoke(channel, envelope),
    send: (channel, requestId) => void page.__xasoSend(channel, requestId),
    on: (channel, listener) =>
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  }),
);
