/**
 * Reports arriving from the field. The server accepts only a file sealed by an enrolled key
 * (the same checks as the supervisor's import: main/service/inbox/verify.ts and
 * main/service/reports/signed-json.ts), keeps the bytes exactly as received beside the parsed
 * form, and answers with a receipt. Idempotent on the file's SHA-256: the same file sent again
 * (a retry after a lost answer, a second click) gets the same receipt and is never stored twice.
 *
 * Everything is committed before the receipt is sent, so a receipt the app holds is never lost,
 * even if the server is killed the next instant.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { LocalText } from '../service/define.js';
import { visitFacts } from '../service/inbox/facts.js';
import { checkExport } from '../service/inbox/verify.js';
import type { Db } from './db.js';
import { PgInboxStore } from './pg-store.js';

/** What became of an accepted upload. */
export type UploadStatus = 'accepted' | 'replaced' | 'duplicate' | 'older' | 'conflict';

/** The answer the app keeps and shows. */
export type Receipt = Readonly<{
  id: string;
  fileHash: string;
  receivedAt: string;
  status: UploadStatus;
  visitId: string;
  programme: string;
}>;

/** The outcome of one upload: a receipt, or a refusal with its HTTP status and reason. */
export type UploadOutcome =
  | Readonly<{ ok: true; receipt: Receipt; created: boolean }>
  | Readonly<{
      ok: false;
      http: 403 | 422;
      code: 'refused' | 'tampered' | 'unknown-key';
      reason: LocalText;
    }>;

const STATUS_TEXT: Readonly<Record<UploadStatus, LocalText>> = {
  accepted: { vi: 'Đã nhận báo cáo.', en: 'Report received.' },
  replaced: {
    vi: 'Đã nhận bản mới của chuyến công tác này.',
    en: 'Received a newer export of this visit.',
  },
  duplicate: {
    vi: 'Máy chủ đã có đúng báo cáo này.',
    en: 'The server already has this exact report.',
  },
  older: {
    vi: 'Máy chủ đã có bản xuất mới hơn của chuyến công tác này.',
    en: 'The server already has a newer export of this visit.',
  },
  conflict: {
    vi: 'Chuyến công tác này đã được gửi bằng khoá khác: đang chờ người giám sát quyết định.',
    en: 'This visit was sent under another key: held for the supervisor to decide.',
  },
};

/** The sentence that goes with a receipt's status. */
export function receiptText(status: UploadStatus): LocalText {
  return STATUS_TEXT[status];
}

type UploadRow = {
  id: string;
  file_hash: string;
  received_at: Date;
  status: UploadStatus;
  visit_id: string;
  programme_id: string;
};

const toReceipt = (r: UploadRow): Receipt => ({
  id: r.id,
  fileHash: r.file_hash,
  receivedAt: r.received_at.toISOString(),
  status: r.status,
  visitId: r.visit_id,
  programme: r.programme_id,
});

/** The receipt of a file already received, by its SHA-256. */
export async function receiptOf(db: Db, fileHash: string): Promise<Receipt | undefined> {
  const [row] = await db.query<UploadRow>(
    'SELECT id, file_hash, received_at, status, visit_id, programme_id FROM uploads WHERE file_hash = $1',
    [fileHash],
  );
  return row === undefined ? undefined : toReceipt(row);
}

const refusal = (
  http: 403 | 422,
  code: 'refused' | 'tampered' | 'unknown-key',
  reason: LocalText,
): UploadOutcome => ({ ok: false, http, code, reason });

/** Receives one file (its bytes as sent); see the file's comment. */
export async function acceptUpload(
  db: Db,
  bytes: Buffer,
  fileName: string,
  now: () => Date,
): Promise<UploadOutcome> {
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const known = await receiptOf(db, fileHash);
  if (known !== undefined) return { ok: true, receipt: known, created: false };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refusal(422, 'refused', {
      vi: 'Tệp không phải văn bản UTF-8: không phải báo cáo Xã Số.',
      en: 'The file is not UTF-8 text: not a Xã Số report.',
    });
  }
  const checked = checkExport(text, now());
  if (!checked.ok) return refusal(422, checked.status, checked.reason);
  const [key] = await db.query<{
    programme_id: string;
    name: string;
    public_key_pem: string | null;
  }>('SELECT programme_id, name, public_key_pem FROM enrolled_keys WHERE key_id = $1', [
    checked.keyId,
  ]);
  if (key === undefined) {
    return refusal(403, 'unknown-key', {
      vi: `Khoá ${checked.keyId} chưa được đăng ký trên máy chủ: nhờ người giám sát đăng ký khoá của máy này trước.`,
      en: `Key ${checked.keyId} is not enrolled on the server: ask the supervisor to enrol this installation's key first.`,
    });
  }
  const programme = key.programme_id;
  const store = new PgInboxStore(db, programme);
  const { visit } = checked;
  const receivedAt = now();
  const id = randomUUID();
  const { exportedAtMs } = checked;
  const facts = visitFacts(visit);
  const outcome = await db.transaction(async (): Promise<UploadStatus | 'raced'> => {
    // One upload of a visit at a time (two files of one visit decide in order).
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${programme}/${visit.id}`]);
    const claimed = await db.query(
      `INSERT INTO uploads (id, file_hash, programme_id, key_id, visit_id, status, received_at,
         bytes, raw) VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $7, $8)
       ON CONFLICT (file_hash) DO NOTHING RETURNING id`,
      [id, fileHash, programme, checked.keyId, visit.id, receivedAt, bytes.length, bytes],
    );
    if (claimed.length === 0) return 'raced';
    if (key.public_key_pem === null) {
      // Enrolled by fingerprint: the first file brings the key itself (its id is the hash).
      await db.query('UPDATE enrolled_keys SET public_key_pem = $2 WHERE key_id = $1', [
        checked.keyId,
        checked.publicKeyPem,
      ]);
    }
    const head = await store.headOf(visit.id);
    const status: UploadStatus =
      head === undefined
        ? 'accepted'
        : head.keyId !== checked.keyId
          ? 'conflict'
          : head.digest === checked.digest
            ? 'duplicate'
            : head.exportedAtMs > exportedAtMs
              ? 'older'
              : 'replaced';
    if (status !== 'accepted')
      await db.query('UPDATE uploads SET status = $2 WHERE id = $1', [id, status]);
    await store.log([
      {
        at: receivedAt.toISOString(),
        fileName,
        fileHash,
        status: status === 'replaced' ? 'accepted' : status,
        reason: STATUS_TEXT[status],
        visitId: visit.id,
        keyId: checked.keyId,
      },
    ]);
    if (status === 'conflict') {
      await store.addConflict({
        visitId: visit.id,
        keptKeyId: head!.keyId,
        heldKeyId: checked.keyId,
        fileName,
        receivedAt: receivedAt.toISOString(),
        exportedAt: checked.exportedAt,
        commune: visit.commune.name,
        date: visit.onSite.date,
        raw: bytes,
        facts,
        digest: checked.digest,
        fileHash,
        exportedAtMs,
      });
    }
    if (status === 'accepted' || status === 'replaced') {
      await store.putVisit({
        visitId: visit.id,
        keyId: checked.keyId,
        digest: checked.digest,
        fileHash,
        fileName,
        exportedAt: checked.exportedAt,
        exportedAtMs,
        importedAt: receivedAt.toISOString(),
        raw: bytes,
        facts,
        verdict: 'accepted',
      });
    }
    return status;
  });
  if (outcome === 'raced') {
    const receipt = await receiptOf(db, fileHash);
    return { ok: true, receipt: receipt!, created: false };
  }
  return {
    ok: true,
    created: true,
    receipt: {
      id,
      fileHash,
      receivedAt: receivedAt.toISOString(),
      status: outcome,
      visitId: visit.id,
      programme,
    },
  };
}
