/**
 * The Electron door: one `ipcMain.handle` per channel of the service contract, and nothing else.
 * Each call is checked (sender, envelope), forwarded to `service.invoke`, and answered with its
 * `IpcResult`; progress goes back on `PROGRESS_CHANNEL`, cancels come in on `CANCEL_CHANNEL`.
 * The only file that uses `ipcMain` (eslint enforces it); Electron is injected or loaded lazily,
 * so this module is importable in plain Node tests.
 */
import { z } from 'zod';

import {
  CANCEL_CHANNEL,
  PROGRESS_CHANNEL,
  type IpcResult,
  type Progress,
  type ServiceFailure,
} from '../service/define.js';
import type { UntypedService } from '../service/index.js';
import { BUSY_MESSAGE, ChannelLimiter, type LimiterOptions } from '../service/limiter.js';
import { toRequestIssues } from '../service/validation.js';
import { isAppUrl } from './security.js';

/** The part of a `WebContents` the door talks back to. */
export interface IpcSender {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The part of an IPC event the door reads. */
export type IpcEventLike = Readonly<{
  sender: IpcSender;
  senderFrame: Readonly<{ url: string }> | null;
}>;

/** The part of `ipcMain` the door uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/** What `registerServiceHandlers` needs. */
export type IpcDeps = Readonly<{
  ipcMain: IpcMainLike;
  service: UntypedService;
  /** Checklist item 17: only frames of our own windows showing our own pages may call. */
  isTrustedSender: (event: IpcEventLike) => boolean;
  /** Per-channel concurrency (default: 4 running, 64 waiting, then "busy"). */
  limits?: LimiterOptions;
}>;

/**
 * A sender check: the calling frame shows an `app://xaso/` page and belongs to a web contents
 * we created (`isOurContents`, e.g. `BrowserWindow.fromWebContents` in our set of windows).
 */
export function createSenderCheck(
  isOurContents: (sender: IpcSender) => boolean,
): (event: IpcEventLike) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      return frame !== null && isAppUrl(frame.url) && isOurContents(event.sender);
    } catch {
      return false; // a destroyed frame throws on access
    }
  };
}

const envelopeSchema = z
  .object({ requestId: z.string().min(1).max(200), payload: z.unknown() })
  .strict();

function failure(error: ServiceFailure): IpcResult<never> {
  return { ok: false, error };
}

const UNTRUSTED = failure({
  code: 'invalid-request',
  message: {
    vi: 'Yêu cầu bị từ chối: nơi gửi không đáng tin (không phải cửa sổ của Xã Số).',
    en: 'Request refused: untrusted sender (not a Xã Số window).',
  },
});

/** Tracks the running requests of every window, so each can be cancelled by its id. */
function createRegistry() {
  const running = new Map<string, AbortController>();
  const key = (senderId: number, requestId: string): string => `${senderId}\u0000${requestId}`;
  return {
    start(senderId: number, requestId: string): AbortController | undefined {
      if (running.has(key(senderId, requestId))) return undefined;
      const controller = new AbortController();
      running.set(key(senderId, requestId), controller);
      return controller;
    },
    finish(senderId: number, requestId: string): void {
      running.delete(key(senderId, requestId));
    },
    cancel(senderId: number, requestId: string): void {
      running.get(key(senderId, requestId))?.abort();
    },
    cancelAll(senderId: number): void {
      const prefix = `${senderId}\u0000`;
      for (const [k, controller] of running) if (k.startsWith(prefix)) controller.abort();
    },
  };
}

/** Sends a progress event back to the window that asked, if it still exists. */
function progressTo(sender: IpcSender, requestId: string): (event: Progress) => void {
  return (event) => {
    if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { requestId, event });
  };
}

/**
 * Registers one handler per channel of `service.contract`, plus the cancel listener. Returns the
 * channel names it registered.
 */
export function registerServiceHandlers(deps: IpcDeps): readonly string[] {
  const { ipcMain, service, isTrustedSender } = deps;
  const registry = createRegistry();
  const watched = new WeakSet<IpcSender>();
  // The same bound as the web door: a few calls of one channel at a time, a bounded queue, then
  // a plain "busy" answer (a renderer script gone wrong cannot exhaust the main process).
  const limiter = new ChannelLimiter(deps.limits);

  const invoke = async (channel: string, event: IpcEventLike, raw: unknown) => {
    if (!isTrustedSender(event)) return UNTRUSTED;
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
      return failure({
        code: 'invalid-request',
        message: {
          vi: `Yêu cầu "${channel}" sai khuôn dạng (cần { requestId, payload }).`,
          en: `Malformed "${channel}" request (expected { requestId, payload }).`,
        },
        issues: toRequestIssues(envelope.error),
      });
    }
    const { requestId, payload } = envelope.data;
    const { sender } = event;
    const controller = registry.start(sender.id, requestId);
    if (controller === undefined) {
      return failure({
        code: 'conflict',
        message: {
          vi: `Mã yêu cầu "${requestId}" đang được dùng.`,
          en: `Request id "${requestId}" is already in use.`,
        },
      });
    }
    if (!watched.has(sender)) {
      watched.add(sender);
      sender.once('destroyed', () => registry.cancelAll(sender.id));
    }
    const turn = await limiter.acquire(channel, controller.signal);
    if (turn === undefined) {
      registry.finish(sender.id, requestId);
      return failure({ code: 'unavailable', message: BUSY_MESSAGE });
    }
    try {
      return await service.invokeUnknown(channel, payload, {
        onProgress: progressTo(sender, requestId),
        signal: controller.signal,
      });
    } finally {
      turn.release();
      registry.finish(sender.id, requestId);
    }
  };

  const channels = Object.keys(service.contract);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, raw) => invoke(channel, event, raw));
  }
  ipcMain.on(CANCEL_CHANNEL, (event, requestId) => {
    if (isTrustedSender(event) && typeof requestId === 'string') {
      registry.cancel(event.sender.id, requestId);
    }
  });
  return channels;
}

/**
 * Registers the service on Electron's real `ipcMain`. Electron is imported here, lazily, so that
 * tests can import this module in plain Node (where `require('electron')` would try to download
 * the binary).
 */
export async function registerElectronIpc(
  service: UntypedService,
  isTrustedSender: (event: IpcEventLike) => boolean,
): Promise<readonly string[]> {
  const { ipcMain } = await import('electron');
  return registerServiceHandlers({ ipcMain, service, isTrustedSender });
}
