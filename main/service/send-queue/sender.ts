/**
 * Sends the queue's pending reports to the collection server, one at a time, oldest first.
 * - A receipt is written to the item's state before the next report goes: once the server has
 *   answered, the report is never sent again (and if the app dies between the answer and the
 *   write, the server recognises the same file by its hash and gives the same receipt).
 * - A failed try waits longer each time: 15 s, 30 s, 1 min … up to 1 h, with ±20 % jitter so
 *   30 PCs coming online together do not knock at once.
 * - A file the server will never take (damaged, not a report, too large) is marked `refused`
 *   with the server's reason, and never retried; a key not yet enrolled is retried (the
 *   supervisor may enrol it in the meantime).
 * - One sender per data folder at a time (in this process, and a lock file between processes:
 *   the app and `xaso report --send` may run together).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { LocalText } from '../define.js';
import { outboxDir, readItems, readReport, readServer, writeItem } from './queue.js';
import type { QueueItem, SendReceipt } from './types.js';

/** Delay before try number `attempts + 1`, in ms (without jitter). */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

/** What one send run did. */
export type SendRun = Readonly<{
  sent: number;
  failed: number;
  refused: number;
  /** Why nothing was tried (no server set, another sender running). */
  skipped?: LocalText | undefined;
}>;

export type SendOptions = Readonly<{
  dataDir: string;
  now: () => Date;
  force: boolean;
  signal?: AbortSignal | undefined;
  /** Per request, ms (default 30 s). */
  timeoutMs?: number;
  /** Jitter source in [0, 1) (tests pass a fixed one). */
  random?: () => number;
  onItem?: (item: QueueItem) => void;
}>;

type Answer =
  | { kind: 'receipt'; receipt: SendReceipt }
  | { kind: 'refused'; reason: LocalText }
  | { kind: 'retry'; reason: LocalText };

function reasonOf(body: unknown, status: number): LocalText {
  const message = (body as { error?: { message?: LocalText } } | null)?.error?.message;
  if (message !== undefined && typeof message.vi === 'string') return message;
  return { vi: `Máy chủ trả lỗi ${status}.`, en: `The server answered ${status}.` };
}

async function post(
  url: string,
  bytes: Buffer,
  item: QueueItem,
  signal: AbortSignal,
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-xaso-file-name': encodeURIComponent(item.fileName),
      },
      body: new Uint8Array(bytes),
      signal,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return {
      kind: 'retry',
      reason: {
        vi: `Chưa liên lạc được máy chủ (${cause}); sẽ thử lại.`,
        en: `Server not reachable (${cause}); will retry.`,
      },
    };
  }
  const body = (await response.json().catch(() => null)) as { value?: SendReceipt } | null;
  if (
    (response.status === 200 || response.status === 201) &&
    body?.value?.fileHash === item.fileHash
  )
    return { kind: 'receipt', receipt: body.value };
  if (response.status === 413 || response.status === 422)
    return { kind: 'refused', reason: reasonOf(body, response.status) };
  return { kind: 'retry', reason: reasonOf(body, response.status) };
}

const running = new Map<string, Promise<SendRun>>();

/** Tries every pending report that is due (all of them with `force`). */
export function sendPending(options: SendOptions): Promise<SendRun> {
  const key = path.resolve(options.dataDir);
  const current = running.get(key);
  if (current !== undefined) return current;
  const run = withLock(options).finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

const LOCK_STALE_MS = 5 * 60_000;

async function withLock(options: SendOptions): Promise<SendRun> {
  const lock = path.join(outboxDir(options.dataDir), '.sending.lock');
  await fs.mkdir(path.dirname(lock), { recursive: true });
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(lock, 'wx');
  } catch {
    const stat = await fs.stat(lock).catch(() => undefined);
    // A lock left by a sender that died (power cut): taken over once it is clearly stale.
    if (stat !== undefined && options.now().getTime() - stat.mtimeMs < LOCK_STALE_MS) {
      return {
        sent: 0,
        failed: 0,
        refused: 0,
        skipped: { vi: 'Đang có một lần gửi khác chạy.', en: 'Another send is running.' },
      };
    }
    await fs.rm(lock, { force: true });
    handle = await fs.open(lock, 'wx');
  }
  try {
    await handle.write(`${process.pid}\n`);
    return await sendAll(options);
  } finally {
    await handle.close();
    await fs.rm(lock, { force: true });
  }
}

async function sendAll(options: SendOptions): Promise<SendRun> {
  const server = await readServer(options.dataDir);
  if (server === undefined) {
    return {
      sent: 0,
      failed: 0,
      refused: 0,
      skipped: {
        vi: 'Chưa đặt địa chỉ máy chủ thu nhận: báo cáo nằm chờ trong hàng đợi.',
        en: 'No collection server set: reports wait in the queue.',
      },
    };
  }
  const random = options.random ?? Math.random;
  let sent = 0;
  let failed = 0;
  let refused = 0;
  const due = (await readItems(options.dataDir, options.now())).filter(
    (i) =>
      i.status === 'pending' &&
      (options.force ||
        i.nextAttemptAt === undefined ||
        Date.parse(i.nextAttemptAt) <= options.now().getTime()),
  );
  for (const item of due) {
    if (options.signal?.aborted === true) break;
    const bytes = await readReport(options.dataDir, item.fileHash);
    const signals = [AbortSignal.timeout(options.timeoutMs ?? 30_000)];
    if (options.signal !== undefined) signals.push(options.signal);
    const answer = await post(server.url, bytes, item, AbortSignal.any(signals));
    const attempts = item.attempts + 1;
    let next: QueueItem;
    if (answer.kind === 'receipt') {
      const { nextAttemptAt: _n, lastError: _e, ...rest } = item;
      next = { ...rest, status: 'sent', attempts, receipt: answer.receipt };
      sent += 1;
    } else if (answer.kind === 'refused') {
      const { nextAttemptAt: _n, ...rest } = item;
      next = { ...rest, status: 'refused', attempts, lastError: answer.reason };
      refused += 1;
    } else {
      const wait = backoffMs(attempts) * (0.8 + 0.4 * random());
      next = {
        ...item,
        attempts,
        lastError: answer.reason,
        nextAttemptAt: new Date(options.now().getTime() + wait).toISOString(),
      };
      failed += 1;
    }
    await writeItem(options.dataDir, next);
    options.onItem?.(next);
    // The server is down: the rest would fail the same way; they keep their own schedule.
    if (answer.kind === 'retry') break;
  }
  return { sent, failed, refused };
}
