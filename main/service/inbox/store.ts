/**
 * The supervisor's inbox on disk: `<dataDir>/inbox/index.json` (one entry per visit, with the
 * facts the aggregates need) and a copy of each accepted export in `<dataDir>/inbox/visits/`.
 */
import path from 'node:path';

import { z } from 'zod';

import { atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';
import type { InboxEntry } from './types.js';

export type { InboxEntry, Trust } from './types.js';


const indexSchema = z.object({ version: z.literal(1), entries: z.array(z.looseObject({ visitId: z.string(), digest: z.string() })) }).strict();

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
  await atomicWriteJson(path.join(inboxDir(dataDir), 'index.json'), { version: 1, entries }, { indent: 0 });
}

/** Where the copy of an accepted export is kept. */
export function inboxCopyPath(dataDir: string, visitId: string): string {
  return path.join(inboxDir(dataDir), 'visits', `${visitId}.json`);
}
