/**
 * Types of the send queue (the app's outbox towards the province's collection server), free of
 * Node imports so the renderer can import them (through the contract).
 */
import type { LocalText } from '../define.js';

/** The server's receipt for one report, as it answered. */
export type SendReceipt = Readonly<{
  id: string;
  fileHash: string;
  receivedAt: string;
  status: 'accepted' | 'replaced' | 'duplicate' | 'older' | 'conflict';
  visitId: string;
  programme: string;
  message?: LocalText | undefined;
}>;

/**
 * Where one queued report stands: `pending` (waiting for its next try), `sent` (the server's
 * receipt is kept), `refused` (the server will never take this file: damaged, not a report).
 */
export type QueueStatus = 'pending' | 'sent' | 'refused';

/** One report in the queue. */
export type QueueItem = Readonly<{
  fileHash: string;
  fileName: string;
  visitId: string;
  commune: string;
  date: string;
  queuedAt: string;
  status: QueueStatus;
  attempts: number;
  /** When the next try is due (pending only), ISO. */
  nextAttemptAt?: string | undefined;
  /** Why the last try failed. */
  lastError?: LocalText | undefined;
  receipt?: SendReceipt | undefined;
}>;

/** The queue as the app shows it. */
export type QueueState = Readonly<{
  /** The collection server reports go to, when one is set. */
  server?: Readonly<{ url: string }> | undefined;
  items: readonly QueueItem[];
  counts: Readonly<Record<QueueStatus, number>>;
}>;
