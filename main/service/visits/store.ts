/**
 * Where visits live and how they are saved: one JSON file per visit in `<dataDir>/visits/`
 * (on the USB stick in portable mode), or any file the CLI names with `--out`. Every save is an
 * atomic write with a backup (`storage/atomic-json.ts`); read-modify-write cycles on one file
 * are serialised in this process and, by a lock file, across processes.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import {
  JsonBoundsError,
  JsonFileError,
  atomicWriteJson,
  readJsonWithBackup,
} from '../storage/atomic-json.js';
import { FileLockedError, withCrossProcessLock } from '../storage/file-lock.js';
import { describeBoundsProblem } from '../storage/limits.js';
import { visitFileSchema } from './migrations.js';
import { VISIT_SCHEMA_VERSION, visitSchema, type Visit, type VisitFields } from './schema.js';

/** Names a visit: by id in the data folder, or by file path. */
export type VisitRef = Readonly<{ id: string } | { file: string }>;

/** A loaded visit, where it lives, and whether it came from the backup. */
export type LoadedVisit = Readonly<{ visit: Visit; file: string; recoveredFrom?: string }>;

/** Folder of the visits kept in the data folder. */
export function visitsDir(env: Pick<ServiceEnv, 'dataDir'>): string {
  return path.join(env.dataDir, 'visits');
}

/** The file a reference points at. */
export function visitFile(env: Pick<ServiceEnv, 'dataDir'>, ref: VisitRef): string {
  if ('file' in ref) return path.resolve(ref.file);
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(ref.id)) {
    throw new ServiceError('invalid-request', {
      vi: 'Mã chuyến công tác không hợp lệ.',
      en: 'Invalid visit id.',
    });
  }
  return path.join(visitsDir(env), `${ref.id}.json`);
}

/** Reads a visit (migrating old versions), falling back to its backup when damaged. */
export async function loadVisit(
  env: Pick<ServiceEnv, 'dataDir'>,
  ref: VisitRef,
): Promise<LoadedVisit> {
  const file = visitFile(env, ref);
  try {
    const read = await readJsonWithBackup(file, visitFileSchema);
    return read.problem === undefined
      ? { visit: read.value, file }
      : { visit: read.value, file, recoveredFrom: read.problem };
  } catch (error) {
    if (error instanceof JsonFileError && error.kind === 'missing') {
      throw new ServiceError('not-found', {
        vi: `Không tìm thấy chuyến công tác: ${file}`,
        en: `Visit not found: ${file}`,
      });
    }
    const detail = (error as Error).message;
    throw new ServiceError(
      'io-error',
      {
        vi: `Tệp chuyến công tác hỏng, không khôi phục được: ${detail}`,
        en: `Visit file damaged beyond recovery: ${detail}`,
      },
      { cause: error },
    );
  }
}

const locks = new Map<string, Promise<unknown>>();

/** Holds the cross-process lock of `file` for `work`; a lock held too long is a conflict. */
async function acrossProcesses<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withCrossProcessLock(file, work);
  } catch (error) {
    if (!(error instanceof FileLockedError)) throw error;
    const who = error.owner === undefined ? '' : ` (pid ${error.owner.pid}, ${error.owner.host})`;
    throw new ServiceError(
      'conflict',
      {
        vi: `Chuyến công tác đang được một chương trình khác ghi${who}; chưa lưu, hãy thử lại.`,
        en: `The visit is being saved by another program${who}; not saved, try again.`,
      },
      { cause: error },
    );
  }
}

/**
 * Runs `work` alone for `file`: one at a time in this process (in call order), and one writer
 * across processes (`storage/file-lock.ts`), so a read-modify-write never loses an update that
 * the app, the CLI or the web door made at the same moment.
 */
export function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => acrossProcesses(file, work));
  locks.set(file, next);
  void next
    .finally(() => {
      if (locks.get(file) === next) locks.delete(file);
    })
    .catch(() => undefined);
  return next;
}

let saves = 0;

/** How many visit saves this process has finished (a listing scan started before one is stale). */
export function savesSoFar(): number {
  return saves;
}

/** Validates and saves a visit, bumping its revision and update time. Returns what was saved. */
export async function saveVisit(
  env: Pick<ServiceEnv, 'now'>,
  file: string,
  visit: Visit,
): Promise<Visit> {
  const next = visitSchema.parse({
    ...visit,
    revision: visit.revision + 1,
    updatedAt: env.now().toISOString(),
  });
  try {
    await atomicWriteJson(file, next);
    saves += 1;
  } catch (error) {
    if (error instanceof JsonBoundsError) {
      const why = describeBoundsProblem(error.problem);
      throw new ServiceError('invalid-request', {
        vi: `Không lưu: chuyến công tác ${why.vi}.`,
        en: `Not saved: the visit is ${why.en}.`,
      });
    }
    const detail = (error as Error).message;
    throw new ServiceError(
      'io-error',
      {
        vi: `Không lưu được chuyến công tác: ${detail}`,
        en: `Could not save the visit: ${detail}`,
      },
      { cause: error },
    );
  }
  return next;
}

/** Loads, changes and saves a visit as one step. */
export async function modifyVisit(
  env: Pick<ServiceEnv, 'dataDir' | 'now'>,
  ref: VisitRef,
  change: (visit: Visit, file: string) => Promise<Visit> | Visit,
): Promise<Visit> {
  const file = visitFile(env, ref);
  return withFileLock(file, async () => {
    const { visit } = await loadVisit(env, { file });
    return saveVisit(env, file, await change(visit, file));
  });
}

/** A new visit with the given fields and empty lists. */
export function newVisit(env: Pick<ServiceEnv, 'now'>, fields: VisitFields): Visit {
  const now = env.now().toISOString();
  return {
    ...fields,
    schema: 'xaso.visit',
    version: VISIT_SCHEMA_VERSION,
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
    revision: 0,
    machines: [],
    checklists: [],
    scans: [],
  };
}

/** Every `.json` file in a folder (not backups or temp files), sorted by name. */
export async function jsonFilesIn(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}
