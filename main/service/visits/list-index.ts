/**
 * The visit list without reading every visit: `<dataDir>/visits/.index.json` keeps one summary
 * line per visit file with the file's size and modification time. A listing stats the files
 * (cheap) and reads in full only those that are new or changed since the index was written;
 * a missing, damaged or foreign index is rebuilt from the files. The index is a cache: losing
 * it loses nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { ServiceEnv } from '../env.js';
import { atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';
import type { VisitListItem } from './contract.js';
import { visitFileSchema } from './migrations.js';
import type { Visit } from './schema.js';
import { jsonFilesIn, visitsDir } from './store.js';

const INDEX_NAME = '.index.json';

const itemSchema = z
  .object({
    id: z.string(),
    file: z.string(),
    commune: z.string(),
    province: z.string(),
    date: z.string(),
    interns: z.array(z.string()),
    machines: z.number(),
    openItems: z.number(),
    updatedAt: z.string(),
  })
  .passthrough();

const indexSchema = z.object({
  schema: z.literal('xaso.visit-index'),
  version: z.literal(1),
  entries: z.record(
    z.string(),
    z.object({ size: z.number(), mtimeMs: z.number(), item: itemSchema }).strict(),
  ),
});

type Entry = Readonly<{ size: number; mtimeMs: number; item: VisitListItem }>;
type Entries = Record<string, Entry>;

/** The list line of one visit (the shape `visits:list` returns). */
export function listItem(visit: Visit, file: string): VisitListItem {
  return {
    id: visit.id,
    file,
    commune: visit.commune.name,
    province: visit.commune.province,
    date: visit.onSite.date,
    interns: visit.interns.map((intern) => intern.name),
    machines: visit.machines.length,
    openItems: visit.openItems.filter((item) => !item.done).length,
    updatedAt: visit.updatedAt,
  };
}

/** Path of the index of a visits folder. */
export function indexFileOf(dir: string): string {
  return path.join(dir, INDEX_NAME);
}

async function readIndex(dir: string): Promise<Entries> {
  try {
    return (await readJsonWithBackup(indexFileOf(dir), indexSchema)).value.entries as Entries;
  } catch {
    return {};
  }
}

async function entryOf(file: string, known: Entry | undefined): Promise<Entry | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) return undefined;
  if (
    known !== undefined &&
    known.size === stat.size &&
    known.mtimeMs === Math.trunc(stat.mtimeMs)
  ) {
    return known;
  }
  try {
    const { value } = await readJsonWithBackup(file, visitFileSchema);
    return { size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs), item: listItem(value, file) };
  } catch {
    return undefined; // a damaged or foreign file is not listed, as before the index
  }
}

/**
 * Every visit of the data folder as a list line, newest day first. Reads only visits changed
 * since the index was written, then saves the index when anything changed.
 */
export async function listVisits(env: Pick<ServiceEnv, 'dataDir'>): Promise<VisitListItem[]> {
  const dir = visitsDir(env);
  const [files, known] = await Promise.all([jsonFilesIn(dir), readIndex(dir)]);
  const entries: Entries = {};
  let changed = Object.keys(known).length !== files.length;
  for (const file of files) {
    const name = path.basename(file);
    const entry = await entryOf(file, known[name]);
    if (entry === undefined) continue;
    entries[name] = entry;
    if (entry !== known[name]) changed = true;
  }
  if (changed) {
    await atomicWriteJson(
      indexFileOf(dir),
      { schema: 'xaso.visit-index', version: 1, entries },
      { indent: 0 },
    ).catch(() => undefined); // a read-only stick still lists its visits
  }
  return Object.values(entries)
    .map((entry) => ({
      ...entry.item,
      file: path.join(dir, path.basename(entry.item.file)),
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
}
