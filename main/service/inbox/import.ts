/**
 * Imports many exported visits at once into the inbox database: each file is checked on its own
 * (a bad file never stops the batch) and gets a verdict with its reason.
 *
 * Trust rules (README, "Bàn làm việc của người hướng dẫn"):
 * - a visit id belongs to the key it was first seen under: a file of the same id sealed by another
 *   key never replaces it, it is held apart as a conflict for the supervisor to decide;
 * - a key is trusted only when the supervisor enrolled it (key file, fingerprint or QR), with a
 *   name of the supervisor's choosing; a visit sealed by any other key is kept but marked;
 * - a newer export of the same visit (same key) replaces the older one; export times are compared
 *   as time.
 * Importing a folder again is incremental: a file whose path, size and mtime (or bytes) are
 * unchanged is not read or checked again.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { runPool } from '../../../diagnostics/scan/pool.js';
import type { LocalText } from '../define.js';
import { ReadFileError, readBoundedFile } from '../storage/read-file.js';
import { visitFacts } from './facts.js';
import type { EnrolledKey, ImportLogEntry, ImportVerdict } from './records.js';
import type { InboxStore } from './store-types.js';
import { MAX_IMPORT_BYTES, checkExport } from './verify.js';

export type { ImportVerdict } from './records.js';

/** One input: a name to report, a way to read its bytes, and its file stat when on disk. */
export type ImportInput = Readonly<{
  name: string;
  read: () => Promise<Uint8Array>;
  file?: Readonly<{ path: string; size: number; mtimeMs: number }>;
}>;

/** Options of an import. */
export type ImportOptions = Readonly<{
  store: InboxStore;
  now: () => Date;
  onVerdict?: (verdict: ImportVerdict, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Read files again even when unchanged (rebuilding the database). */
  full?: boolean;
}>;

const TEXT = {
  accepted: {
    vi: 'Hợp lệ: niêm phong đúng, khoá đã đăng ký.',
    en: 'Valid: seal correct, key enrolled.',
  },
  'unknown-key': {
    vi: 'Niêm phong đúng nhưng khoá chưa được đăng ký: cần xác minh người gửi rồi đăng ký khoá.',
    en: 'Seal correct but the key is not enrolled: verify the sender, then enrol the key.',
  },
  duplicate: {
    vi: 'Đã có đúng báo cáo này trong hộp thư.',
    en: 'This exact report is already in the inbox.',
  },
  older: {
    vi: 'Hộp thư đã có bản xuất mới hơn của chuyến công tác này.',
    en: 'The inbox already has a newer export of this visit.',
  },
  conflict: {
    vi: 'Chuyến công tác này đã có trong hộp thư với khoá niêm phong khác: tệp được giữ riêng để người hướng dẫn quyết định, không thay bản đang có.',
    en: 'This visit is already in the inbox under another sealing key: the file is held apart for the supervisor to decide; the kept visit is not replaced.',
  },
  unchanged: {
    vi: 'Tệp không đổi từ lần nhập trước.',
    en: 'File unchanged since the last import.',
  },
} as const satisfies Record<string, LocalText>;

/** Files stat'ed at once while expanding a folder (each is one round trip to the thread pool). */
const STAT_AHEAD = 32;
/** Files read ahead of the one being checked, so reading overlaps checking. */
const READ_AHEAD = 16;

/** Expands folders into the `.json` files they hold (one level), with their stat. */
export async function expandPaths(paths: readonly string[]): Promise<ImportInput[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (stat?.isDirectory() === true)
      files.push(
        ...(await fs.readdir(p))
          .filter((n) => n.toLowerCase().endsWith('.json'))
          .sort()
          .map((n) => path.join(p, n)),
      );
    else files.push(p);
  }
  const inputs: ImportInput[] = new Array(files.length);
  await runPool([...files.keys()], STAT_AHEAD, async (i) => {
    const file = files[i]!;
    const full = path.resolve(file);
    const st = await fs.stat(full).catch(() => undefined);
    inputs[i] = {
      name: file,
      read: () => readLimited(full),
      ...(st === undefined ? {} : { file: { path: full, size: st.size, mtimeMs: st.mtimeMs } }),
    };
  });
  return inputs;
}

/** Reads one file: regular files only, size checked while reading (storage/read-file.ts). */
async function readLimited(file: string): Promise<Uint8Array> {
  return readBoundedFile(file, { maxBytes: MAX_IMPORT_BYTES });
}

type Keys = Map<string, EnrolledKey>;

/** Decides one file and writes what it decides (inside the import's transaction). */
async function decide(
  store: InboxStore,
  keys: Keys,
  input: ImportInput,
  raw: Uint8Array,
  fileHash: string,
  now: Date,
): Promise<ImportVerdict> {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const checked = checkExport(text, now);
  if (!checked.ok) return { name: input.name, status: checked.status, reason: checked.reason };
  const { visit } = checked;
  let key = keys.get(checked.keyId);
  // A key enrolled by fingerprint gets its PEM from the first file that hashes to it.
  if (key !== undefined && key.publicKeyPem === undefined) {
    key = { ...key, publicKeyPem: checked.publicKeyPem };
    keys.set(key.keyId, key);
    await store.putKey(key);
  }
  const base = {
    name: input.name,
    visitId: visit.id,
    commune: visit.commune.name,
    province: visit.commune.province,
    date: visit.onSite.date,
    keyId: checked.keyId,
    ...(key === undefined ? {} : { signer: key.name }),
  };
  const existing = await headOf(store, visit.id);
  const facts = visitFacts(visit);
  if (existing !== undefined && existing.keyId !== checked.keyId) {
    await store.addConflict({
      visitId: visit.id,
      keptKeyId: existing.keyId,
      heldKeyId: checked.keyId,
      fileName: path.basename(input.name),
      receivedAt: now.toISOString(),
      exportedAt: checked.exportedAt,
      exportedAtMs: checked.exportedAtMs,
      commune: visit.commune.name,
      date: visit.onSite.date,
      raw,
      facts,
      digest: checked.digest,
      fileHash,
    });
    return { ...base, status: 'conflict', reason: TEXT.conflict };
  }
  if (existing?.digest === checked.digest)
    return { ...base, status: 'duplicate', reason: TEXT.duplicate };
  if (existing !== undefined && existing.exportedAtMs >= checked.exportedAtMs)
    return { ...base, status: 'older', reason: TEXT.older };
  const status = key === undefined ? 'unknown-key' : 'accepted';
  await store.putVisit({
    visitId: visit.id,
    keyId: checked.keyId,
    digest: checked.digest,
    fileHash,
    fileName: path.basename(input.name),
    exportedAt: checked.exportedAt,
    exportedAtMs: checked.exportedAtMs,
    importedAt: now.toISOString(),
    raw,
    facts,
    verdict: status,
  });
  return { ...base, status, reason: TEXT[status] };
}

/** Key, digest and export time of a stored visit (a cheap read when the engine offers one). */
function headOf(
  store: InboxStore,
  visitId: string,
): Promise<{ keyId: string; digest: string; exportedAtMs: number } | undefined> {
  return store.headOf !== undefined ? store.headOf(visitId) : store.getVisit(visitId);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Imports the inputs; returns one verdict per input, in input order. */
export async function importVisits(
  inputs: readonly ImportInput[],
  options: ImportOptions,
): Promise<ImportVerdict[]> {
  const { store } = options;
  const keys: Keys = new Map((await store.listKeys()).map((k) => [k.keyId, k]));
  const verdicts: ImportVerdict[] = [];
  const log: ImportLogEntry[] = [];
  await store.transaction(async () => {
    // Which inputs must be read (not unchanged since the last import), decided first so their
    // reads can run ahead of the checks: READ_AHEAD reads in flight while one file is checked.
    const seen = inputs.map((input) =>
      input.file === undefined || options.full === true
        ? undefined
        : store.getSeenFile(input.file.path),
    );
    const known = await Promise.all(seen);
    const unchanged = inputs.map((input, i) => {
      const s = known[i];
      return s !== undefined && s.size === input.file?.size && s.mtimeMs === input.file.mtimeMs;
    });
    const reads = new Map<number, Promise<Uint8Array>>();
    let ahead = 0;
    const readAhead = (from: number): void => {
      for (
        ahead = Math.max(ahead, from);
        ahead < inputs.length && ahead < from + READ_AHEAD;
        ahead += 1
      ) {
        if (unchanged[ahead] === true) continue;
        const pending = inputs[ahead]!.read();
        pending.catch(() => undefined);
        reads.set(ahead, pending);
      }
    };
    for (const [i, input] of inputs.entries()) {
      if (options.signal?.aborted === true) break;
      const now = options.now();
      let verdict: ImportVerdict;
      let fileHash: string | undefined;
      try {
        readAhead(i);
        const before = known[i];
        if (unchanged[i] === true) {
          verdict = { name: input.name, status: 'unchanged', reason: TEXT.unchanged };
        } else {
          const raw = await reads.get(i)!;
          reads.delete(i);
          fileHash = sha256(raw);
          verdict =
            before !== undefined && before.fileHash === fileHash
              ? { name: input.name, status: 'unchanged', reason: TEXT.unchanged }
              : await decide(store, keys, input, raw, fileHash, now);
          if (input.file !== undefined)
            await store.putSeenFile({ ...input.file, fileHash, status: verdict.status });
        }
      } catch (error) {
        const detail = (error as Error).message.slice(0, 300);
        const vi = error instanceof ReadFileError ? error.text.vi : detail;
        verdict = {
          name: input.name,
          status: 'refused',
          reason: { vi: `Không đọc được tệp: ${vi}`, en: `Cannot read the file: ${detail}` },
        };
      }
      verdicts.push(verdict);
      if (verdict.status !== 'unchanged')
        log.push({
          at: now.toISOString(),
          fileName: path.basename(input.name),
          ...(fileHash === undefined ? {} : { fileHash }),
          status: verdict.status,
          reason: verdict.reason,
          ...(verdict.visitId === undefined ? {} : { visitId: verdict.visitId }),
          ...(verdict.keyId === undefined ? {} : { keyId: verdict.keyId }),
        });
      options.onVerdict?.(verdict, i + 1, inputs.length);
    }
    await store.log(log);
  });
  return verdicts;
}
