/**
 * Crash-safe JSON files: visits, checklist runs, keys. A save never leaves a half-written file
 * behind (temp file in the same folder, fsync, rename, fsync the folder), keeps the previous good
 * version as `<file>.bak` (hard link or copy, so the main file is there at every moment), and a
 * read falls back to that backup when the main file is damaged (USB stick pulled, power cut
 * during a flash write). Temp files of killed processes are removed before the next save.
 *
 * Why not `write-file-atomic`: it does not retry the rename on Windows when an antivirus or the
 * search indexer holds the file (npm/write-file-atomic#227, #28, #49); see shared/TECH.md §8.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { z } from 'zod';

import {
  MAX_DOCUMENT_BYTES,
  checkJsonBounds,
  describeBoundsProblem,
  type JsonBoundsProblem,
} from './limits.js';
import { type ReadFileError, readBoundedText } from './read-file.js';

/** Error codes Windows returns while another process (AV, indexer) briefly holds the file. */
const TRANSIENT_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Options of {@link atomicWriteJson}. */
export type AtomicWriteOptions = Readonly<{
  /**
   * How long to keep retrying a rename that fails with EPERM/EACCES/EBUSY, in ms.
   * @default 2000 on Windows, 0 elsewhere (there these codes are permanent).
   */
  retryWindowMs?: number;
  /** Indent of the JSON text. @default 2 */
  indent?: number;
  /** The rename to use; tests inject a flaky one. @default fs.rename */
  rename?: (from: string, to: string) => Promise<void>;
  /** {@link atomicWriteFile} only: refuse to replace an existing file ({@link FileExistsError}). */
  exclusive?: boolean;
}>;

const queues = new Map<string, Promise<unknown>>();
const swept = new Set<string>();

/** Path of the backup kept beside `file`. */
export function backupPathOf(file: string): string {
  return `${file}.bak`;
}

/**
 * Writes `value` as JSON to `file` atomically. Writes to the same file from this process run one
 * after the other, in call order. Resolves once the data is durable on disk.
 * Throws the last fs error when the rename still fails after the retry window.
 */
export function atomicWriteJson(
  file: string,
  value: unknown,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeNow(key, value, options));
  queues.set(key, next);
  void next
    .finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    })
    .catch(() => undefined);
  return next;
}

async function writeNow(file: string, value: unknown, options: AtomicWriteOptions): Promise<void> {
  const bounds = checkJsonBounds(value);
  if (bounds !== undefined) throw new JsonBoundsError(bounds);
  const text = JSON.stringify(value, null, options.indent ?? 2);
  if (text !== undefined && Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
    throw new JsonBoundsError({ kind: 'too-large', path: '', limit: MAX_DOCUMENT_BYTES });
  }
  if (text === undefined) throw new TypeError('atomicWriteJson: value is not JSON-serialisable');
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const rename = options.rename ?? ((from: string, to: string) => fs.rename(from, to));
  const windowMs = options.retryWindowMs ?? (process.platform === 'win32' ? 2000 : 0);
  if (!swept.has(file)) {
    swept.add(file);
    await sweepStaleTemps(file);
  }
  try {
    await writeDurably(temp, text);
    // The main file is never absent: the previous version becomes the backup by a hard link
    // (or a copy where the drive has no links: FAT/exFAT sticks), then the new version
    // replaces the main file in one rename (MoveFileEx with replace on Windows).
    if (await isReadableJson(file)) await keepBackup(file, windowMs);
    await withRetry(() => rename(temp, file), windowMs);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dir);
}

/** Makes `<file>.bak` the current content of `file`, atomically, without touching `file`. */
async function keepBackup(file: string, windowMs: number): Promise<void> {
  const dir = path.dirname(file);
  const staged = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.bak.tmp`,
  );
  try {
    try {
      await fs.link(file, staged);
    } catch {
      await fs.copyFile(file, staged);
      const handle = await fs.open(staged, 'r+');
      await handle.sync().finally(() => handle.close());
    }
    await withRetry(() => fs.rename(staged, backupPathOf(file)), windowMs);
    // rename(2) of two links to one file does nothing and succeeds: when the backup already is
    // this very file (a writer killed between making it and replacing the main file), the
    // staged link is still there. It is a second name of the backup: remove it.
    await fs.rm(staged, { force: true });
  } catch (error) {
    await fs.rm(staged, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** True when process `pid` runs on this machine (a pid of a killed process is gone). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files a killed process left beside `file`: those of a process that no longer
 * runs, and any older than a minute. Runs before the first save of each file in a process.
 */
async function sweepStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const limit = Date.now() - 60_000;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const full = path.join(dir, name);
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat === undefined) continue;
    if ((pid !== process.pid && !isAlive(pid)) || stat.mtimeMs < limit) {
      await fs.rm(full, { force: true });
    }
  }
}

/**
 * Writes bytes or text to `file` atomically (temp file, fsync, rename, fsync the folder), with
 * the same Windows retry as {@link atomicWriteJson} but without a backup. For exports.
 */
export async function atomicWriteFile(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const rename = options.rename ?? ((from: string, to: string) => fs.rename(from, to));
  try {
    await writeDurably(temp, data);
    if (options.exclusive === true) await linkExclusive(temp, target);
    else {
      await withRetry(
        () => rename(temp, target),
        options.retryWindowMs ?? (process.platform === 'win32' ? 2000 : 0),
      );
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dir);
}

/** Thrown by {@link atomicWriteFile} with `exclusive` when the target already exists. */
export class FileExistsError extends Error {
  override name = 'FileExistsError' as const;
  readonly file: string;
  constructor(file: string) {
    super(`File exists, not overwritten: ${file}`);
    this.file = file;
  }
}

/**
 * Puts `temp` at `target` unless `target` exists: a hard link never replaces a file, so two
 * exports racing for one name cannot both win. Drives without links (FAT) check, then rename.
 */
async function linkExclusive(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(target);
    if (
      await fs.lstat(target).then(
        () => true,
        () => false,
      )
    )
      throw new FileExistsError(target);
    await fs.rename(temp, target);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function writeDurably(file: string, text: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True when `file` exists and parses as JSON: only then is it worth keeping as the backup. */
async function isReadableJson(file: string): Promise<boolean> {
  try {
    JSON.parse(await readBoundedText(file, { maxBytes: MAX_DOCUMENT_BYTES }));
    return true;
  } catch {
    return false;
  }
}

async function withRetry(action: () => Promise<void>, windowMs: number): Promise<void> {
  const started = Date.now();
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      await action();
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT_CODES.has(code) || Date.now() - started + delay > windowMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync: skipped there. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM/EINVAL on Windows and some FAT drivers: nothing more we can do.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Thrown by {@link atomicWriteJson} for a value past the bounds of `limits.ts` (nothing written). */
export class JsonBoundsError extends Error {
  override name = 'JsonBoundsError' as const;
  readonly problem: JsonBoundsProblem;
  constructor(problem: JsonBoundsProblem) {
    super(`Not saved: the document is ${describeBoundsProblem(problem).en}`);
    this.problem = problem;
  }
}

/** Where a read value came from, and why the main file was not used. */
export type ReadOutcome<T> = Readonly<{
  value: T;
  source: 'file' | 'backup';
  /** Set when the backup was used: what was wrong with the main file. */
  problem?: string;
}>;

/** Thrown by {@link readJsonWithBackup} when neither the file nor its backup is usable. */
export class JsonFileError extends Error {
  override name = 'JsonFileError' as const;
  readonly kind: 'missing' | 'damaged';
  constructor(kind: 'missing' | 'damaged', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/**
 * Reads `file` and validates it with `schema` (which may migrate old versions). When the file is
 * missing, not JSON or fails the schema, reads `<file>.bak` instead and says so in `problem`.
 * Throws {@link JsonFileError} when neither is usable.
 */
export async function readJsonWithBackup<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<ReadOutcome<z.output<S>>> {
  const main = await tryRead(file, schema);
  if (main.ok) return { value: main.value, source: 'file' };
  const backup = await tryRead(backupPathOf(file), schema);
  if (backup.ok) return { value: backup.value, source: 'backup', problem: main.problem };
  if (main.missing && backup.missing) {
    throw new JsonFileError('missing', `No such file: ${file}`);
  }
  throw new JsonFileError('damaged', `${main.problem}; backup: ${backup.problem}`);
}

type TryRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; problem: string };

async function tryRead<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<TryRead<z.output<S>>> {
  let text: string;
  try {
    text = await readBoundedText(file, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    const why = error as ReadFileError;
    return {
      ok: false,
      missing: why.problem === 'missing',
      problem: `cannot read (${why.message})`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the file's first characters (another file's secrets).
    return { ok: false, missing: false, problem: 'not valid JSON' };
  }
  const bounds = checkJsonBounds(json);
  if (bounds !== undefined) {
    return { ok: false, missing: false, problem: describeBoundsProblem(bounds).en };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.map(String).join('.') ?? '';
    return {
      ok: false,
      missing: false,
      problem: `does not match the schema (${where}: ${first?.message ?? ''})`,
    };
  }
  return { ok: true, value: parsed.data };
}
