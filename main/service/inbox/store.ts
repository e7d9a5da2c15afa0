/**
 * The supervisor's inbox on disk: `<dataDir>/inbox/index.json` (one entry per visit, with the
 * facts the aggregates need) and the accepted exports themselves, verbatim, one JSON Lines file per
 * import in `<dataDir>/inbox/batches/` (entry `stored` says where).
 */
import path from 'node:path';

import { z } from 'zod';

import { atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';
import type { InboxEntry } from './types.js';

export type { InboxEntry, Trust } from './types.js';

const indexSchema = z
  .object({
    version: z.literal(1),
    entries: z.array(z.looseObject({ visitId: z.string(), digest: z.string() })),
  })
  .strict();

/** Folder of the inbox. */
export function inboxDir(dataDir: string): string {
  return path.join(dataDir, 'inbox');
}

/** Reads the inbox index (empty when none yet). */
export async function readIndex(dataDir: string): Promise<InboxEntry[]> {
  try {
    const read = await readJsonWithBackup(path.join(inboxDir(dataDir), 'index.json'), indexSchema);
    return read.value.entries as unknown as InboxEntry[];
  } catch (error) {
    if ((error as { kind?: string }).kind === 'missing') return [];
    throw error;
  }
}

/** Saves the inbox index. */
export async function writeIndex(dataDir: string, entries: readonly InboxEntry[]): Promise<void> {
  await atomicWriteJson(
    path.join(inboxDir(dataDir), 'index.json'),
    { version: 1, entries },
    { indent: 0 },
  );
}

/** Folder of the import batches: one JSON Lines file per import, a line per accepted export. */
export function inboxBatchesDir(dataDir: string): string {
  return path.join(inboxDir(dataDir), 'batches');
}
