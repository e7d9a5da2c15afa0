/**
 * The service: all app behaviour, no Electron. Every door (IPC, CLI, web) calls `invoke` and
 * gets an `IpcResult` back; it never throws.
 */
import type {
  AnyContract,
  CallOptions,
  Handlers,
  IpcResult,
  Progress,
  RequestOf,
  RequestIssue,
  ResultOf,
} from './define.js';
import { contract, type Contract } from './contract.js';
import type { ServiceEnv } from './env.js';
import { toFailure } from './errors.js';
import { createHandlers } from './handlers.js';
import { payloadShapeIssue, toRequestIssues } from './validation.js';

/** A call whose channel and payload come from outside (IPC, HTTP): checked at run time only. */
export type InvokeUnknown = (
  channel: string,
  payload: unknown,
  options?: CallOptions,
) => Promise<IpcResult<unknown>>;

/**
 * A service over contract `T` (default: the app's): validates, dispatches, reports progress,
 * never throws. `invoke` is typed by the contract (channel name, request, result); the payload
 * is still validated at run time.
 */
export type Service<T extends AnyContract = Contract> = Readonly<{
  contract: T;
  invoke: <K extends keyof T & string>(
    channel: K,
    payload: RequestOf<T[K]>,
    options?: CallOptions,
  ) => Promise<IpcResult<ResultOf<T[K]>>>;
  /**
   * The untyped entry, for the doors that receive untrusted input (Electron IPC, the web
   * server): any channel name, any payload; unknown channels and bad payloads are failures.
   */
  invokeUnknown: InvokeUnknown;
}>;

/** What a door that forwards untrusted input needs of a service, whatever its contract. */
export type UntypedService = Readonly<{ contract: AnyContract; invokeUnknown: InvokeUnknown }>;

/** Builds a service from any contract and its handlers (tests use small ones). */
export function createServiceFrom<T extends AnyContract>(
  spec: T,
  handlers: Handlers<T>,
): Service<T> {
  async function invokeUnknown(
    channel: string,
    payload: unknown,
    options: CallOptions = {},
  ): Promise<IpcResult<unknown>> {
    const channelSpec = Object.hasOwn(spec, channel) ? spec[channel] : undefined;
    const handler = Object.hasOwn(handlers, channel)
      ? (handlers as Record<string, Handlers<AnyContract>[string]>)[channel]
      : undefined;
    if (channelSpec === undefined || handler === undefined) {
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: {
            vi: `Không có yêu cầu nào tên "${channel}".`,
            en: `There is no request named "${channel}".`,
          },
        },
      };
    }
    const invalid = (issues: RequestIssue[]): IpcResult<unknown> => ({
      ok: false,
      error: {
        code: 'invalid-request',
        message: { vi: `Yêu cầu "${channel}" không hợp lệ.`, en: `Invalid "${channel}" request.` },
        issues,
      },
    });
    // Bounds first: a value nested 100,000 deep would overflow the schema's recursion.
    const shape = payloadShapeIssue(payload);
    if (shape !== undefined) return invalid([shape]);
    const parsed = channelSpec.request.safeParse(payload ?? {});
    if (!parsed.success) return invalid(toRequestIssues(parsed.error));
    const signal = options.signal ?? new AbortController().signal;
    const progress = (event: Progress): void => {
      try {
        options.onProgress?.(event);
      } catch {
        // A listener that fails (a closed window, a broken pipe) must not stop the work.
      }
    };
    try {
      const value: unknown = await handler(parsed.data, { progress, signal });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toFailure(error, signal) };
    }
  }
  // The typed entry is the same function: the types only narrow what a caller may write.
  const invoke = invokeUnknown as Service<T>['invoke'];
  return { contract: spec, invoke, invokeUnknown };
}

/** The app's service with every domain. */
export function createService(env: ServiceEnv): Service {
  return createServiceFrom<Contract>(contract, createHandlers(env));
}

export type { ServiceEnv } from './env.js';
