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
} from './define.js';
import { contract, type Contract } from './contract.js';
import type { ServiceEnv } from './env.js';
import { toFailure } from './errors.js';
import { createHandlers } from './handlers.js';
import { toRequestIssues } from './validation.js';

/** A service over some contract: validates, dispatches, reports progress, never throws. */
export type Service = Readonly<{
  contract: AnyContract;
  invoke: (channel: string, payload: unknown, options?: CallOptions) => Promise<IpcResult<unknown>>;
}>;

/** Builds a service from any contract and its handlers (tests use small ones). */
export function createServiceFrom<T extends AnyContract>(spec: T, handlers: Handlers<T>): Service {
  async function invoke(
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
    const parsed = channelSpec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: {
            vi: `Yêu cầu "${channel}" không hợp lệ.`,
            en: `Invalid "${channel}" request.`,
          },
          issues: toRequestIssues(parsed.error),
        },
      };
    }
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
  return { contract: spec, invoke };
}

/** The app's service with every domain. */
export function createService(env: ServiceEnv): Service {
  return createServiceFrom<Contract>(contract, createHandlers(env));
}

export type { ServiceEnv } from './env.js';
