/**
 * Builds the object the preload exposes as `window.xaso`: one named method per channel, plus
 * `cancel`. Pure: the preload passes the real `ipcRenderer`, tests a fake. Never hands out
 * `ipcRenderer`, its events, or a generic `invoke(channel)` (checklist item 20).
 */
import {
  CANCEL_CHANNEL,
  PROGRESS_CHANNEL,
  channelPath,
  type BridgeCallOptions,
  type IpcEnvelope,
  type IpcResult,
  type Progress,
} from '../service/define.js';

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** A bridge method: `xaso.<domain>.<method>(request, { onProgress, requestId })`. */
export type BridgeMethod = (
  request: unknown,
  options?: BridgeCallOptions,
) => Promise<IpcResult<unknown>>;

/** The bridge as plain data: domains of methods, and `cancel`. */
export type BridgeObject = Record<string, Record<string, BridgeMethod>> & {
  cancel: (requestId: string) => void;
};

let counter = 0;
/** A request id unique within this window. */
function nextRequestId(): string {
  counter += 1;
  return `r${Date.now().toString(36)}-${counter.toString(36)}`;
}

function isProgressMessage(value: unknown): value is { requestId: string; event: Progress } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { requestId?: unknown }).requestId === 'string' &&
    typeof (value as { event?: unknown }).event === 'object'
  );
}

const UNREACHABLE: IpcResult<never> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: {
      vi: 'Không liên lạc được với phần xử lý của Xã Số. Hãy khởi động lại ứng dụng.',
      en: 'Could not reach the Xã Số back end. Please restart the app.',
    },
  },
};

/** Builds the `window.xaso` object for the given channel names (`domain:method`). */
export function buildBridge(names: readonly string[], ipc: IpcRendererLike): BridgeObject {
  const listeners = new Map<string, (event: Progress) => void>();
  ipc.on(PROGRESS_CHANNEL, (_event, message) => {
    if (isProgressMessage(message)) listeners.get(message.requestId)?.(message.event);
  });

  const method =
    (channel: string): BridgeMethod =>
    async (request, options = {}) => {
      const requestId = options.requestId ?? nextRequestId();
      if (options.onProgress !== undefined) listeners.set(requestId, options.onProgress);
      const envelope: IpcEnvelope = { requestId, payload: request };
      try {
        return (await ipc.invoke(channel, envelope)) as IpcResult<unknown>;
      } catch {
        return UNREACHABLE;
      } finally {
        listeners.delete(requestId);
      }
    };

  const domains: Record<string, Record<string, BridgeMethod>> = {};
  for (const name of names) {
    const [domain, methodName] = channelPath(name);
    if (domain === 'cancel') throw new Error('"cancel" is reserved on window.xaso');
    domains[domain] ??= {};
    domains[domain][methodName] = method(name);
  }
  const cancel = (requestId: string): void => {
    if (typeof requestId === 'string') ipc.send(CANCEL_CHANNEL, requestId);
  };
  return { ...domains, cancel } as BridgeObject;
}
