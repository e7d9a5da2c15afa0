/**
 * One writer per file across processes: the app autosaving while `xaso diagnose --visit` adds a
 * snapshot must not lose either change. A writer holds `<file>.lock` (created exclusively,
 * holding its pid, host and start time) for the whole read-modify-write; others wait for it.
 *
 * A lock whose owner is gone (killed with `kill -9`, power cut) is stale: on the same host a
 * lock of a pid that no longer runs is taken over at once; any lock older than
 * {@link STALE_LOCK_MS} is taken over whoever holds it. Taking over renames the stale lock away
 * first, so two processes that both saw it stale cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

import { isAlive } from './atomic-json.js';

/** A lock older than this is taken over even when its owner may run elsewhere, in ms. */
export const STALE_LOCK_MS = 60_000;
/** How long a writer waits for another one before giving up, in ms. */
export const LOCK_WAIT_MS = 20_000;

/** Who holds a lock, as written in the lock file. */
export type LockOwner = Readonly<{ pid: number; host: string; since: string }>;

/** Thrown by {@link withCrossProcessLock} when the file stays locked past the wait. */
export class FileLockedError extends Error {
  override name = 'FileLockedError' as const;
  readonly owner: LockOwner | undefined;
  constructor(file: string, owner: LockOwner | undefined) {
    super(
      `${file} is being written by another program` +
        (owner === undefined ? '' : ` (pid ${owner.pid} on ${owner.host} since ${owner.since})`),
    );
    this.owner = owner;
  }
}

/** Path of the lock of `file`. */
export function lockPathOf(file: string): string {
  return `${file}.lock`;
}

/**
 * A private file beside the lock, named like atomic-json's temp files (`.<file>.<pid>.….tmp`),
 * so the sweep before the next save removes it when its process was killed.
 */
function tempBeside(lock: string, kind: string): string {
  const file = lock.slice(0, -'.lock'.length);
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}.tmp`;
  return path.join(path.dirname(file), name);
}

async function readOwner(lock: string): Promise<LockOwner | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(lock, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, since: String(value.since ?? '') };
  } catch {
    return undefined;
  }
}

/** A lock without a readable owner older than this was left half-written by a killed writer. */
const UNREADABLE_LOCK_MS = 5_000;

async function isStale(lock: string, owner: LockOwner | undefined): Promise<boolean> {
  if (owner !== undefined && owner.host === hostname() && owner.pid !== process.pid) {
    if (!isAlive(owner.pid)) return true;
  }
  const stat = await fs.stat(lock).catch(() => undefined);
  if (stat === undefined) return false;
  const age = Date.now() - stat.mtimeMs;
  return age > STALE_LOCK_MS || (owner === undefined && age > UNREADABLE_LOCK_MS);
}

/** Removes a stale lock unless someone replaced it meanwhile. */
async function takeOver(lock: string, seen: LockOwner | undefined): Promise<void> {
  const aside = tempBeside(lock, 'stale');
  try {
    await fs.rename(lock, aside);
  } catch {
    return; // gone already, or another process moved it first
  }
  const moved = await readOwner(aside);
  const same =
    moved?.pid === seen?.pid && moved?.host === seen?.host && moved?.since === seen?.since;
  if (!same && moved !== undefined && !(await isStale(aside, moved))) {
    // A fresh lock was moved by mistake: put it back (link never replaces an existing file).
    await fs.link(aside, lock).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

/**
 * Creates the lock with its owner already inside: the owner is written to a private file that
 * is then hard-linked as the lock (a link never replaces an existing file), so a writer killed
 * at any moment leaves either no lock or a complete one. Drives without links (FAT) create it
 * exclusively instead (a kill between create and write leaves an empty lock: see isStale).
 */
async function tryCreate(lock: string): Promise<boolean> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const mine = tempBeside(lock, 'lock');
  try {
    await fs.writeFile(mine, JSON.stringify(owner), { flag: 'wx' });
    try {
      await fs.link(mine, lock);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      await fs.writeFile(lock, JSON.stringify(owner), { flag: 'wx' });
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await fs.mkdir(path.dirname(lock), { recursive: true });
      return tryCreate(lock);
    }
    throw error;
  } finally {
    await fs.rm(mine, { force: true }).catch(() => undefined);
  }
}

/**
 * Runs `work` while holding the cross-process lock of `file`. Waits (with growing pauses) while
 * another live process holds it; throws {@link FileLockedError} after `waitMs`.
 */
export async function withCrossProcessLock<T>(
  file: string,
  work: () => Promise<T>,
  options: Readonly<{ waitMs?: number }> = {},
): Promise<T> {
  const lock = lockPathOf(file);
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  for (let pause = 5; !(await tryCreate(lock)); pause = Math.min(pause * 2, 100)) {
    const owner = await readOwner(lock);
    if (await isStale(lock, owner)) {
      await takeOver(lock, owner);
      continue;
    }
    if (Date.now() > deadline) throw new FileLockedError(file, owner);
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
