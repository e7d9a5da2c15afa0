/**
 * Imports many exported visits at once: each file is checked on its own (a bad file never stops
 * the batch), accepted visits go into the inbox, and each file gets a verdict with its reason.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { LocalText } from '../define.js';
import { ReadFileError, readBoundedText } from '../storage/read-file.js';
import type { ImportVerdict } from './types.js';

export type { ImportVerdict } from './types.js';
import { visitFacts } from './facts.js';
import { readTrusted, writeTrusted, type TrustedKey } from './keys.js';
import { inboxBatchesDir, readIndex, writeIndex, type InboxEntry, type Trust } from './store.js';
import { MAX_IMPORT_BYTES, checkExport } from './verify.js';

/** One input: a name to report and a way to read its text. */
export type ImportInput = Readonly<{ name: string; read: () => Promise<string> }>;

/** Options of an import. */
export type ImportOptions = Readonly<{
  dataDir: string;
  now: () => Date;
  /** Trust a key never seen before (marked `first-use`) instead of flagging it. */
  trustOnFirstUse: boolean;
  onVerdict?: (verdict: ImportVerdict, done: number, total: number) => void;
  signal?: AbortSignal;
}>;

const TEXT: Readonly<
  Record<'accepted' | 'first-use' | 'unknown-key' | 'duplicate' | 'older', LocalText>
> = {
  accepted: {
    vi: 'Hợp lệ: chữ ký đúng, khoá đã tin cậy.',
    en: 'Valid: signature correct, key trusted.',
  },
  'first-use': {
    vi: 'Hợp lệ, khoá mới được tin cậy lần đầu (chưa đối chiếu tệp khoá của sinh viên).',
    en: "Valid; new key trusted on first use (not checked against the intern's key file).",
  },
  'unknown-key': {
    vi: 'Chữ ký đúng nhưng khoá chưa có trong danh sách tin cậy: cần xác minh người gửi.',
    en: 'Signature correct but the key is not in the trusted list: verify the sender.',
  },
  duplicate: {
    vi: 'Đã có đúng báo cáo này trong hộp thư.',
    en: 'This exact report is already in the inbox.',
  },
  older: {
    vi: 'Hộp thư đã có bản xuất mới hơn của chuyến công tác này.',
    en: 'The inbox already has a newer export of this visit.',
  },
};

/** Expands folders into the `.json` files they hold (one level). */
export async function expandPaths(paths: readonly string[]): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    const files = stat?.isDirectory()
      ? (await fs.readdir(p))
          .filter((n) => n.toLowerCase().endsWith('.json'))
          .sort()
          .map((n) => path.join(p, n))
      : [p];
    for (const file of files) inputs.push({ name: file, read: () => readLimited(file) });
  }
  return inputs;
}

/** Reads one file: regular files only, size checked while reading (storage/read-file.ts). */
async function readLimited(file: string): Promise<string> {
  return readBoundedText(file, { maxBytes: MAX_IMPORT_BYTES });
}

type State = {
  index: Map<string, InboxEntry>;
  trusted: Map<string, TrustedKey>;
  trustedChanged: boolean;
  batch: string;
  lines: number;
  /** Appends accepted exports to the batch file in decision order (one line each). */
  writer: BatchWriter;
};

/**
 * Writes accepted exports as JSON Lines while the import runs, in ~1 MB chunks (so 1,000 texts
 * are never held in memory at once), to a temp file renamed into place at the end. Writes are chained, so line n
 * is the n-th accepted file.
 */
class BatchWriter {
  private chain: Promise<void> = Promise.resolve();
  private handle: fs.FileHandle | undefined;
  constructor(private readonly file: string) {}
  private get temp(): string {
    return `${this.file}.tmp`;
  }
  private pending: string[] = [];
  private pendingSize = 0;
  append(text: string): void {
    this.pending.push(`${text.replace(/\r?\n/g, ' ')}\n`);
    this.pendingSize += text.length;
    if (this.pendingSize > 1_000_000) this.flush();
  }
  private flush(): void {
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    this.chain = this.chain.then(async () => {
      if (this.handle === undefined) {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        this.handle = await fs.open(this.temp, 'w');
      }
      await this.handle.write(chunk);
    });
  }
  async finish(): Promise<void> {
    if (this.pending.length > 0) this.flush();
    await this.chain;
    if (this.handle === undefined) return;
    await this.handle.sync();
    await this.handle.close();
    await fs.rename(this.temp, this.file);
  }
}

function decide(
  state: State,
  input: ImportInput,
  text: string,
  options: ImportOptions,
): ImportVerdict {
  const checked = checkExport(text, state.trusted);
  if (!checked.ok) return { name: input.name, status: checked.status, reason: checked.reason };
  const { visit } = checked;
  const base = {
    name: input.name,
    visitId: visit.id,
    commune: visit.commune.name,
    province: visit.commune.province,
    date: visit.onSite.date,
    keyId: checked.keyId,
  };
  const existing = state.index.get(visit.id);
  if (existing?.digest === checked.digest)
    return { ...base, status: 'duplicate', reason: TEXT.duplicate };
  if (existing !== undefined && existing.exportedAt > checked.exportedAt)
    return { ...base, status: 'duplicate', reason: TEXT.older };
  let key = state.trusted.get(checked.keyId);
  if (key === undefined && options.trustOnFirstUse) {
    key = {
      keyId: checked.keyId,
      publicKeyPem: checked.publicKeyPem,
      label: visit.interns
        .map((i) => i.name)
        .join(', ')
        .slice(0, 300),
      addedAt: options.now().toISOString(),
      source: 'first-use',
    };
    state.trusted.set(key.keyId, key);
    state.trustedChanged = true;
  }
  const trust: Trust = key?.source ?? 'unknown';
  const status =
    trust === 'imported' ? 'accepted' : trust === 'first-use' ? 'first-use' : 'unknown-key';
  state.index.set(visit.id, {
    visitId: visit.id,
    digest: checked.digest,
    fileName: path.basename(input.name),
    importedAt: options.now().toISOString(),
    exportedAt: checked.exportedAt,
    keyId: checked.keyId,
    trust,
    ...(key ? { signer: key.label } : {}),
    facts: visitFacts(visit),
    stored: { batch: state.batch, line: state.lines },
  });
  state.lines += 1;
  state.writer.append(text);
  return { ...base, status, reason: TEXT[status], ...(key ? { signer: key.label } : {}) };
}

/** Imports the inputs; returns one verdict per input, in input order. */
export async function importVisits(
  inputs: readonly ImportInput[],
  options: ImportOptions,
): Promise<ImportVerdict[]> {
  const batch = `${options.now().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.jsonl`;
  const state: State = {
    index: new Map((await readIndex(options.dataDir)).map((e) => [e.visitId, e])),
    trusted: new Map((await readTrusted(options.dataDir)).map((k) => [k.keyId, k])),
    trustedChanged: false,
    batch,
    lines: 0,
    writer: new BatchWriter(path.join(inboxBatchesDir(options.dataDir), batch)),
  };
  const verdicts: ImportVerdict[] = new Array<ImportVerdict>(inputs.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && options.signal?.aborted !== true) {
      const i = next++;
      const input = inputs[i]!;
      let verdict: ImportVerdict;
      try {
        verdict = decide(state, input, await input.read(), options);
      } catch (error) {
        verdict = {
          name: input.name,
          status: 'refused',
          reason: {
            vi: `Không đọc được tệp: ${error instanceof ReadFileError ? error.text.vi : (error as Error).message}`,
            en: `Cannot read the file: ${(error as Error).message}`,
          },
        };
      }
      verdicts[i] = verdict;
      done += 1;
      options.onVerdict?.(verdict, done, inputs.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // One file per batch instead of 1,000 small files: those writes cost as much as all the
  // verification (bench `reports`).
  await state.writer.finish();
  await writeIndex(options.dataDir, [...state.index.values()]);
  if (state.trustedChanged) await writeTrusted(options.dataDir, [...state.trusted.values()]);
  return verdicts.filter((v) => v !== undefined);
}
