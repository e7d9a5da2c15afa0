import type { XasoBridge } from '../../main/service/contract';
import type { CallOptions, IpcResult } from '../../main/service/define';
import type { Caller } from './types';

type BridgeMethod = (
  payload: unknown,
  options: { onProgress?: CallOptions['onProgress']; requestId: string },
) => Promise<IpcResult<unknown>>;

/** Calls through Electron's preload. AbortSignal can't cross the bridge: cancel by request id. */
export function bridgeCaller(bridge: XasoBridge): Caller {
  return async (channel, payload, options = {}) => {
    const [domain, method] = channel.split(':') as [string, string];
    const group = (bridge as unknown as Record<string, Record<string, BridgeMethod> | undefined>)[
      domain
    ];
    const fn = group?.[method];
    if (fn === undefined) {
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: { vi: `Không có yêu cầu "${channel}".`, en: `No request "${channel}".` },
        },
      };
    }
    const requestId = crypto.randomUUID();
    const onAbort = (): void => bridge.cancel(requestId);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await fn(
        payload,
        options.onProgress ? { onProgress: options.onProgress, requestId } : { requestId },
      );
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  };
}
