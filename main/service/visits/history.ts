/**
 * Earlier visits: where a machine was last seen, and what a commune's last visit left open.
 * Looks in the data folder's visits and, for a visit kept elsewhere (`--out FILE` on a stick),
 * in that file's folder too.
 */
import path from 'node:path';

import { readJsonWithBackup } from '../storage/atomic-json.js';
import type { PreviousSighting } from './changes.js';
import { visitFileSchema } from './migrations.js';
import type { Visit } from './schema.js';
import { jsonFilesIn } from './store.js';

/** Reads every readable visit in the given folders (damaged or foreign files are skipped). */
export async function readVisitsIn(
  dirs: readonly string[],
): Promise<Array<{ visit: Visit; file: string }>> {
  const files = [...new Set((await Promise.all(dirs.map((dir) => jsonFilesIn(dir)))).flat())];
  const read = await Promise.all(
    files.map(async (file) => {
      try {
        return { visit: (await readJsonWithBackup(file, visitFileSchema)).value, file };
      } catch {
        return undefined;
      }
    }),
  );
  return read.filter((entry) => entry !== undefined);
}

/** Folders to search for earlier visits of `file`. */
export function historyDirs(visitsFolder: string, file: string): string[] {
  return [...new Set([visitsFolder, path.dirname(file)])];
}

/** Sort key of a visit: its day on site, then its creation time. */
export function visitOrder(visit: Visit): string {
  return `${visit.onSite.date}|${visit.createdAt}`;
}

/** Commune names compared loosely (case, spacing, Unicode form). */
export function communeKey(visit: Pick<Visit, 'commune'>): string {
  const norm = (s: string) =>
    s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return `${norm(visit.commune.province)}|${norm(visit.commune.name)}`;
}

/** An asset tag compared loosely (case, spacing); undefined when blank. */
export function tagKey(tag: string | undefined): string | undefined {
  const key = tag?.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  return key === undefined || key === '' ? undefined : key;
}

/**
 * The latest earlier sighting of a machine, on a visit other than `current`: the same hardware
 * fingerprint, or the same asset tag (a PC whose board or disk was replaced keeps its label).
 */
export function findPreviousSighting(
  visits: readonly { visit: Visit }[],
  current: Visit,
  fingerprint: string,
  assetTag?: string,
): PreviousSighting | undefined {
  let best: PreviousSighting | undefined;
  let bestOrder = '';
  const tag = tagKey(assetTag);
  for (const { visit } of visits) {
    if (visit.id === current.id || visitOrder(visit) > visitOrder(current)) continue;
    const machine =
      visit.machines.find((m) => m.snapshot.machine.fingerprint === fingerprint) ??
      (tag === undefined
        ? undefined
        : visit.machines.find((m) => tagKey(m.assetTag ?? m.snapshot.machine.assetTag) === tag));
    if (machine === undefined || visitOrder(visit) < bestOrder) continue;
    best = { visitId: visit.id, visitDate: visit.onSite.date, snapshot: machine.snapshot };
    bestOrder = visitOrder(visit);
  }
  return best;
}

/** The open items left by the latest earlier visit of the same commune, marked as carried. */
export function carriedOpenItems(
  visits: readonly { visit: Visit }[],
  current: Visit,
): Visit['openItems'] {
  const key = communeKey(current);
  const earlier = visits
    .map((entry) => entry.visit)
    .filter(
      (visit) =>
        visit.id !== current.id &&
        communeKey(visit) === key &&
        visitOrder(visit) <= visitOrder(current),
    )
    .sort((a, b) => visitOrder(b).localeCompare(visitOrder(a)));
  const last = earlier[0];
  if (last === undefined) return [];
  return last.openItems
    .filter((item) => !item.done)
    .map((item) => ({ ...item, carriedFrom: item.carriedFrom ?? last.id }));
}
