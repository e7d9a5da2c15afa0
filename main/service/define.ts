/**
 * The building blocks of the service contract: a channel is a named request with a runtime
 * schema, a result type and (optionally) a stream of progress events.
 *
 * This file is imported by the renderer as types only: it must not import any Node module.
 */
import type { z } from 'zod';

/** Text shown to people, Vietnamese first. */
export type LocalText = Readonly<{ vi: string; en: string }>;

/** The two languages the app speaks. */
export type Lang = 'vi' | 'en';

/** Why a request failed. A closed set so every door can explain it. */
export type ErrorCode =
  | 'invalid-request'
  | 'unknown-channel'
  | 'not-found'
  | 'conflict'
  | 'cancelled'
  | 'unavailable'
  | 'io-error'
  | 'internal';

/** One problem with a request's payload: where, and what. */
export type RequestIssue = Readonly<{ path: string; message: LocalText }>;

/** A failure that crosses a boundary (IPC, HTTP, CLI) as data, never as an exception. */
export type ServiceFailure = Readonly<{
  code: ErrorCode;
  message: LocalText;
  issues?: readonly RequestIssue[];
}>;

/** The result of every request: a value, or a failure with its reason. */
export type IpcResult<T> =
  Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: ServiceFailure }>;

/**
 * A progress event of a long request. `percent` is 0–100 when the work knows how far it is;
 * `label` says what is happening now; `data` carries a channel-specific partial result
 * (for example one finished probe).
 */
export type Progress = Readonly<{
  percent?: number;
  label?: LocalText;
  event?: string;
  data?: unknown;
}>;

/** One channel of the contract. `R` is the result type (a phantom: no value at runtime). */
export type ChannelSpec<S extends z.ZodType, R> = Readonly<{
  request: S;
  /** True when the request sends progress events while it runs. */
  streams: boolean;
  /** What the channel does, for `xaso --help`, the docs and error messages. */
  summary: LocalText;
  /** Phantom field carrying the result type. */
  readonly __result?: R;
}>;

/** Declares a channel whose result type is `R`. */
export function channel<R>() {
  return <S extends z.ZodType>(spec: {
    request: S;
    streams?: boolean;
    summary: LocalText;
  }): ChannelSpec<S, R> => ({ streams: false, ...spec });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannel = ChannelSpec<z.ZodType, any>;
export type AnyContract = Readonly<Record<string, AnyChannel>>;

/** The payload a caller sends on channel `C`. */
export type RequestOf<C extends AnyChannel> = z.input<C['request']>;
/** The payload after validation (defaults applied), as handlers receive it. */
export type ParsedRequestOf<C extends AnyChannel> = z.output<C['request']>;
/** The value a successful request on channel `C` returns. */
export type ResultOf<C extends AnyChannel> = C extends ChannelSpec<z.ZodType, infer R> ? R : never;

/** What a handler gets besides its payload. */
export type HandlerContext = Readonly<{
  /** Report progress; ignored when nobody listens. */
  progress: (event: Progress) => void;
  /** Aborted when the caller cancels (closes the window, aborts the fetch, presses Ctrl+C). */
  signal: AbortSignal;
}>;

/** The implementation of every channel of a contract. */
export type Handlers<T extends AnyContract> = {
  [K in keyof T]: (request: ParsedRequestOf<T[K]>, ctx: HandlerContext) => Promise<ResultOf<T[K]>>;
};

/** Options of one call through any door. */
export type CallOptions = Readonly<{
  onProgress?: (event: Progress) => void;
  signal?: AbortSignal;
}>;

/** Splits 'domain:method' channel names. */
type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type MethodOf<K, D extends string> = K extends `${D}:${infer M}` ? M : never;

/**
 * The named API the renderer sees (`window.xaso` in Electron, the web client in a browser):
 * `api.diagnostics.run(request, options)` for channel `diagnostics:run`.
 */
export type ApiOf<T extends AnyContract> = {
  [D in DomainOf<keyof T>]: {
    [M in MethodOf<keyof T, D>]: (
      request: RequestOf<T[`${D}:${M}`]>,
      options?: CallOptions,
    ) => Promise<IpcResult<ResultOf<T[`${D}:${M}`]>>>;
  };
};

/** Splits a channel name into its API path. */
export function channelPath(name: string): readonly [domain: string, method: string] {
  const at = name.indexOf(':');
  if (at <= 0 || at === name.length - 1) throw new Error(`Bad channel name: ${name}`);
  return [name.slice(0, at), name.slice(at + 1)];
}

/**
 * Options of one call across Electron's contextBridge. An AbortSignal cannot cross the bridge,
 * so the caller names the request and cancels it by id.
 */
export type BridgeCallOptions = Readonly<{
  onProgress?: (event: Progress) => void;
  requestId?: string;
}>;

/**
 * What the preload exposes as `window.xaso`: one named method per channel
 * (`xaso.diagnostics.run(request, { onProgress, requestId })`), plus `cancel(requestId)`.
 * `renderer/api` wraps it into `ApiOf<Contract>` (with AbortSignal).
 */
export type BridgeApiOf<T extends AnyContract> = {
  [D in DomainOf<keyof T>]: {
    [M in MethodOf<keyof T, D>]: (
      request: RequestOf<T[`${D}:${M}`]>,
      options?: BridgeCallOptions,
    ) => Promise<IpcResult<ResultOf<T[`${D}:${M}`]>>>;
  };
} & Readonly<{ cancel: (requestId: string) => void }>;

/** IPC channel on which main sends progress events: `{ requestId, event }`. */
export const PROGRESS_CHANNEL = 'xaso:progress';
/** IPC channel on which the renderer cancels a request: payload `requestId`. */
export const CANCEL_CHANNEL = 'xaso:cancel';
/** IPC payload of every invoke: the request id (for progress and cancel) and the request. */
export type IpcEnvelope = Readonly<{ requestId: string; payload: unknown }>;
