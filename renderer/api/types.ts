/**
 * The renderer API's leaf types, shared by `index.ts` and the two callers (`bridge.ts`, `web.ts`)
 * so that they need not import each other.
 */
import type { CallOptions, IpcResult } from '../../main/service/define';

/** Calls one channel with its payload; never throws. */
export type Caller = (
  channel: string,
  payload: unknown,
  options?: CallOptions,
) => Promise<IpcResult<unknown>>;
