/**
 * Where the imported province pack lives: `<data folder>/province/pack.json`, the publisher's
 * signed file exactly as imported, so every read checks its signature again (a pack edited on
 * disk is ignored, never half-used). One province at a time: a commune belongs to one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { atomicWriteJson } from '../storage/atomic-json.js';
import { checkPack, type PackCheck } from './seal.js';

/** The pack file in the data folder. */
export function packFile(dataDir: string): string {
  return join(dataDir, 'province', 'pack.json');
}

/** The imported pack, checked; `undefined` when none was imported. */
export async function readPack(
  dataDir: string,
): Promise<Extract<PackCheck, { ok: true }> | undefined> {
  const text = await readFile(packFile(dataDir), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const checked = checkPack(text);
  return checked.ok ? checked : undefined;
}

/** Saves a pack's signed file (the parsed envelope, re-serialised; the digest covers content). */
export async function writePack(dataDir: string, envelope: unknown): Promise<void> {
  await atomicWriteJson(packFile(dataDir), envelope);
}
