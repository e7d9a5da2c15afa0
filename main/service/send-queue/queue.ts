/**
 * The send queue on disk, in the data folder (on the stick in portable mode):
 * `<dataDir>/outbox/<sha256>.report.json` holds a sealed report exactly as it will be sent, and
 * `<sha256>.state.json` where it stands (pending / sent with the server's receipt / refused).
 * The report is written first (atomically): a crash before its state leaves a report that reads
 * as pending, so nothing queued is ever lost. `server.json` holds the server's address.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { atomicWriteFile, atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';
import type { QueueItem, QueueState, QueueStatus } from './types.js';

const local = z.object({ vi: z.string(), en: z.string() }).strict();

const receiptSchema = z.looseObject({
  id: z.string(),
  fileHash: z.string(),
  receivedAt: z.string(),
  status: z.enum(['accepted', 'replaced', 'duplicate', 'older', 'conflict']),
  visitId: z.string(),
  programme: z.string(),
  message: local.optional(),
});

const stateSchema = z
  .object({
    version: z.literal(1),
    fileHash: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: z.string(),
    visitId: z.string(),
    commune: z.string(),
    date: z.string(),
    queuedAt: z.string(),
    status: z.enum(['pending', 'sent', 'refused']),
    attempts: z.number().int().min(0),
    nextAttemptAt: z.string().optional(),
    lastError: local.optional(),
    receipt: receiptSchema.optional(),
  })
  .strict();

const serverSchema = z.object({ version: z.literal(1), url: z.string() }).strict();

/** Folder of the queue. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

const reportFile = (dataDir: string, hash: string) =>
  path.join(outboxDir(dataDir), `${hash}.report.json`);
const stateFile = (dataDir: string, hash: string) =>
  path.join(outboxDir(dataDir), `${hash}.state.json`);

/** The bytes of a queued report. */
export function readReport(dataDir: string, hash: string): Promise<Buffer> {
  return fs.readFile(reportFile(dataDir, hash));
}

/** Saves where an item stands. */
export async function writeItem(dataDir: string, item: QueueItem): Promise<void> {
  await atomicWriteJson(stateFile(dataDir, item.fileHash), { version: 1, ...item });
}

/** What a report says about itself (for an item whose state file was lost). */
function describeReport(bytes: Buffer): { visitId: string; commune: string; date: string } {
  try {
    const visit = (JSON.parse(bytes.toString('utf8')) as { visit?: Record<string, unknown> })
      .visit as
      { id?: string; commune?: { name?: string }; onSite?: { date?: string } } | undefined;
    return {
      visitId: String(visit?.id ?? '?'),
      commune: String(visit?.commune?.name ?? '?'),
      date: String(visit?.onSite?.date ?? ''),
    };
  } catch {
    return { visitId: '?', commune: '?', date: '' };
  }
}

async function readItem(dataDir: string, hash: string, now: Date): Promise<QueueItem> {
  try {
    const { version: _v, ...item } = (
      await readJsonWithBackup(stateFile(dataDir, hash), stateSchema)
    ).value;
    return item;
  } catch {
    // The state is missing or unreadable (a crash right after the report was written): the
    // report itself is there, so it is pending, and sending it again is safe (the server keeps
    // one copy per file hash).
    const bytes = await readReport(dataDir, hash);
    return {
      fileHash: hash,
      fileName: `${hash.slice(0, 12)}.json`,
      ...describeReport(bytes),
      queuedAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
    };
  }
}

/** Every item of the queue, oldest first. */
export async function readItems(dataDir: string, now: Date): Promise<QueueItem[]> {
  const names = await fs.readdir(outboxDir(dataDir)).catch(() => [] as string[]);
  const hashes = names
    .map((n) => /^([0-9a-f]{64})\.report\.json$/.exec(n)?.[1])
    .filter((h): h is string => h !== undefined);
  const items = await Promise.all(hashes.map((h) => readItem(dataDir, h, now)));
  return items.sort(
    (a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.fileHash.localeCompare(b.fileHash),
  );
}

/** The server address, when set. */
export async function readServer(dataDir: string): Promise<{ url: string } | undefined> {
  try {
    const { url } = (
      await readJsonWithBackup(path.join(outboxDir(dataDir), 'server.json'), serverSchema)
    ).value;
    return { url };
  } catch {
    return undefined;
  }
}

/** Saves the server address. */
export async function writeServer(dataDir: string, url: string): Promise<void> {
  await atomicWriteJson(path.join(outboxDir(dataDir), 'server.json'), {
    version: 1,
    url: url.replace(/\/+$/, ''),
  });
}

/** The queue as the app shows it. */
export async function queueState(dataDir: string, now: Date): Promise<QueueState> {
  const items = await readItems(dataDir, now);
  const counts: Record<QueueStatus, number> = { pending: 0, sent: 0, refused: 0 };
  for (const item of items) counts[item.status] += 1;
  const server = await readServer(dataDir);
  return { ...(server === undefined ? {} : { server }), items, counts };
}

/**
 * Queues one sealed report (idempotent: the same bytes queue once). The report is on disk,
 * synced, before this resolves.
 */
export async function enqueue(
  dataDir: string,
  bytes: Buffer,
  meta: Readonly<{ fileName: string; visitId: string; commune: string; date: string }>,
  now: Date,
): Promise<QueueItem> {
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const existing = await fs.stat(reportFile(dataDir, fileHash)).catch(() => undefined);
  if (existing !== undefined) return readItem(dataDir, fileHash, now);
  await atomicWriteFile(reportFile(dataDir, fileHash), bytes);
  const item: QueueItem = {
    fileHash,
    ...meta,
    queuedAt: now.toISOString(),
    status: 'pending',
    attempts: 0,
  };
  await writeItem(dataDir, item);
  return item;
}
