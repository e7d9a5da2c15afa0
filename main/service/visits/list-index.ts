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
import { communeKey, tagKey, visitOrder } from './history.js';
import { jsonFilesIn, savesSoFar, visitsDir } from './store.js';

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

const entrySchema = z
  .object({
    size: z.number(),
    mtimeMs: z.number(),
    item: itemSchema,
    /** What history lookups need, so they read only the visits that can match. */
    communeKey: z.string(),
    order: z.string(),
    fingerprints: z.array(z.string()),
    /** The machines' asset tags, normalised (`tagKey`): a PC whose hardware changed is found too. */
    assetTags: z.array(z.string()).default([]),
  })
  .strict();

const indexSchema = z.object({
  schema: z.literal('xaso.visit-index'),
  version: z.literal(1),
  entries: z.record(z.string(), entrySchema),
});

type Entry = Readonly<{
  size: number;
  mtimeMs: number;
  item: VisitListItem;
  communeKey: string;
  order: string;
  fingerprints: readonly string[];
  assetTags: readonly string[];
}>;
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

/** Entries of each folder as last seen by this process (saves re-reading the index file). */
const memory = new Map<string, Entries>();
/**
 * A scan in progress per folder: concurrent listings share it instead of each reading all, as
 * long as no visit was saved since it started (else its answer could miss that save).
 */
const scans = new Map<string, { saves: number; entries: Promise<Entries> }>();

async function readIndex(dir: string): Promise<Entries> {
  const known = memory.get(dir);
  if (known !== undefined) return known;
  try {
    return (await readJsonWithBackup(indexFileOf(dir), indexSchema)).value.entries as Entries;
  } catch {
    return {};
  }
}

async function entryOf(file: string, known: Entry | undefined): Promise<Entry | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) return undefined;
  const mtimeMs = Math.trunc(stat.mtimeMs);
  if (known !== undefined && known.size === stat.size && known.mtimeMs === mtimeMs) return known;
  try {
    const { value } = await readJsonWithBackup(file, visitFileSchema);
    return {
      size: stat.size,
      mtimeMs,
      item: listItem(value, file),
      communeKey: communeKey(value),
      order: visitOrder(value),
      fingerprints: value.machines.map((m) => m.snapshot.machine.fingerprint),
      assetTags: value.machines.flatMap((m) => {
        const tag = tagKey(m.assetTag ?? m.snapshot.machine.assetTag);
        return tag === undefined ? [] : [tag];
      }),
    };
  } catch {
    return undefined; // a damaged or foreign file is not listed, as before the index
  }
}

/** Stats every visit of `dir`, reads the new or changed ones, saves the index if `persist`. */
async function scan(dir: string, persist: boolean): Promise<Entries> {
  const [files, known] = await Promise.all([jsonFilesIn(dir), readIndex(dir)]);
  const entries: Entries = {};
  let changed = Object.keys(known).length !== files.length;
  // A few at a time: stats are cheap, but a changed visit is read in full.
  for (let at = 0; at < files.length; at += 16) {
    const batch = files.slice(at, at + 16);
    const found = await Promise.all(batch.map((file) => entryOf(file, known[path.basename(file)])));
    batch.forEach((file, i) => {
      const name = path.basename(file);
      const entry = found[i];
      if (entry === undefined) return;
      entries[name] = entry;
      if (entry !== known[name]) changed = true;
    });
  }
  memory.set(dir, entries);
  if (changed && persist) {
    await atomicWriteJson(
      indexFileOf(dir),
      { schema: 'xaso.visit-index', version: 1, entries },
      { indent: 0 },
    ).catch(() => undefined); // a read-only stick still lists its visits
  }
  return entries;
}

/** The entries of `dir`, sharing a scan already running for it. */
function entriesOf(dir: string, persist: boolean): Promise<Entries> {
  const running = scans.get(dir);
  if (running !== undefined && running.saves === savesSoFar()) return running.entries;
  const mine = { saves: savesSoFar(), entries: scan(dir, persist) };
  scans.set(dir, mine);
  void mine.entries
    .finally(() => {
      if (scans.get(dir) === mine) scans.delete(dir);
    })
    .catch(() => undefined);
  return mine.entries;
}

/**
 * Every visit of the data folder as a list line, newest day first. Reads only visits changed
 * since the index was written, then saves the index when anything changed.
 */
export async function listVisits(env: Pick<ServiceEnv, 'dataDir'>): Promise<VisitListItem[]> {
  const dir = visitsDir(env);
  const entries = await entriesOf(dir, true);
  return Object.values(entries)
    .map((entry) => ({ ...entry.item, file: path.join(dir, path.basename(entry.item.file)) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** What an earlier visit must have to matter to a history lookup. */
export type HistoryQuery = Readonly<{
  fingerprint?: string;
  assetTag?: string;
  communeKey?: string;
}>;

/**
 * The visits of `dirs` that can answer a history lookup (same machine, or same commune), read
 * in full; the others are skipped by their index entry. The data folder's index is saved; a
 * folder elsewhere (a stick named by `--out`) is indexed in memory only.
 */
export async function historyVisits(
  env: Pick<ServiceEnv, 'dataDir'>,
  dirs: readonly string[],
  query: HistoryQuery,
): Promise<Array<{ visit: Visit; file: string }>> {
  const own = visitsDir(env);
  const found: Array<{ visit: Visit; file: string }> = [];
  for (const dir of dirs) {
    const entries = await entriesOf(dir, dir === own);
    for (const [name, entry] of Object.entries(entries)) {
      const wanted =
        (query.fingerprint !== undefined && entry.fingerprints.includes(query.fingerprint)) ||
        (tagKey(query.assetTag) !== undefined &&
          entry.assetTags.includes(tagKey(query.assetTag) as string)) ||
        (query.communeKey !== undefined && entry.communeKey === query.communeKey);
      if (!wanted) continue;
      const file = path.join(dir, name);
      try {
        found.push({ visit: (await readJsonWithBackup(file, visitFileSchema)).value, file });
      } catch {
        // changed or damaged since it was indexed: not history
      }
    }
  }
  return found;
}
