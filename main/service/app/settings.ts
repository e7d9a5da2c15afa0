/**
 * The app's own small settings, kept in the data folder (`settings.json`) so that every door
 * sees the same: the active visit, and the office's asset tag of each PC by hardware
 * fingerprint (asked once, then kept).
 */
import { join } from 'node:path';

import { z } from 'zod';

import { atomicWriteJson, JsonFileError, readJsonWithBackup } from '../storage/atomic-json.js';

/** At most this many remembered asset tags (one commune has a few dozen PCs). */
export const MAX_ASSET_TAGS = 2000;

const tag = z.string().trim().min(1).max(100);

/** The settings file. */
export const appSettingsSchema = z
  .object({
    schema: z.literal(1),
    /** The visit the intern is working in; absent when none. */
    activeVisitId: z.string().max(100).optional(),
    /** Asset tag by hardware fingerprint. */
    assetTags: z
      .record(z.string().max(100), tag)
      .refine((m) => Object.keys(m).length <= MAX_ASSET_TAGS, 'too many asset tags')
      .default({}),
  })
  .strict();

/** Validated settings. */
export type AppSettings = z.output<typeof appSettingsSchema>;

const EMPTY: AppSettings = { schema: 1, assetTags: {} };

function fileOf(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

/** Reads the settings; a missing file is the empty settings. Throws on a damaged file. */
export async function readSettings(dataDir: string): Promise<AppSettings> {
  try {
    return (await readJsonWithBackup(fileOf(dataDir), appSettingsSchema)).value;
  } catch (error) {
    if (error instanceof JsonFileError && error.kind === 'missing') return EMPTY;
    throw error;
  }
}

/** Writes the settings atomically. */
export async function writeSettings(dataDir: string, settings: AppSettings): Promise<void> {
  await atomicWriteJson(fileOf(dataDir), appSettingsSchema.parse(settings));
}
