/**
 * Checks one exported visit file: JSON, envelope, digest, signature, visit schema. Never
 * throws: every problem becomes a verdict with a reason in both languages.
 */
import type { LocalText } from '../define.js';
import { checkIntegrity, exportEnvelopeSchema, exportedAtMs } from '../reports/signed-json.js';
import { visitFileSchema } from '../visits/migrations.js';
import type { Visit } from '../visits/schema.js';

/** Largest file the inbox reads (a visit with photos stays far below). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Outcome of checking one file, before it is compared with what the inbox already has. */
export type Checked =
  | Readonly<{ ok: false; status: 'refused' | 'tampered'; reason: LocalText }>
  | Readonly<{
      ok: true;
      visit: Visit;
      digest: string;
      keyId: string;
      publicKeyPem: string;
      exportedAt: string;
      exportedAtMs: number;
    }>;

const refused = (vi: string, en: string): Checked => ({
  ok: false,
  status: 'refused',
  reason: { vi, en },
});

const TAMPER_REASONS: Readonly<Record<string, LocalText>> = {
  'bad-signature': {
    vi: 'Chữ ký không khớp: nội dung đã bị sửa sau khi xuất (mã băm được tính lại) hoặc chữ ký bị thay.',
    en: 'Signature does not match: the content was edited after export (digest recomputed) or the signature was replaced.',
  },
  'key-id-mismatch': {
    vi: 'Mã khoá không khớp với khoá công khai trong tệp.',
    en: 'Key id does not match the public key in the file.',
  },
  'bad-public-key': {
    vi: 'Khoá công khai trong tệp không phải khoá Ed25519 hợp lệ.',
    en: 'The public key in the file is not a valid Ed25519 key.',
  },
};

/** Checks the text of one file (whether its key is enrolled is the import's business). */
export function checkExport(text: string, now: Date): Checked {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refused(
      `Không phải JSON hợp lệ (${(error as Error).message}).`,
      `Not valid JSON (${(error as Error).message}).`,
    );
  }
  const envelope = exportEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(gốc)';
    return refused(
      `Không phải tệp báo cáo Xã Số (${where}: ${issue?.message ?? ''}).`,
      `Not a Xã Số report file (${where}: ${issue?.message ?? ''}).`,
    );
  }
  const exported = exportedAtMs(envelope.data.exportedAt, now);
  if (exported === undefined) {
    return refused(
      `Thời điểm xuất "${envelope.data.exportedAt.slice(0, 40)}" không phải thời gian ISO hợp lệ hoặc ở tương lai (lệch quá 5 phút so với đồng hồ máy này).`,
      `Export time "${envelope.data.exportedAt.slice(0, 40)}" is not a valid ISO time or is in the future (more than 5 minutes ahead of this computer's clock).`,
    );
  }
  const integrity = checkIntegrity(envelope.data);
  if (!integrity.ok && integrity.kind === 'damaged') {
    return refused(
      'Mã băm SHA-256 không khớp: tệp bị hỏng hoặc bị sửa (không tính lại mã băm).',
      'SHA-256 digest does not match: the file is damaged or was edited (digest not recomputed).',
    );
  }
  if (!integrity.ok) {
    return {
      ok: false,
      status: 'tampered',
      reason: TAMPER_REASONS[integrity.reason] ?? { vi: integrity.reason, en: integrity.reason },
    };
  }
  const visit = visitFileSchema.safeParse(envelope.data.visit);
  if (!visit.success) {
    const issue = visit.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    return refused(
      `Chuyến công tác trong tệp không hợp lệ (${where}: ${issue?.message ?? ''}).`,
      `The visit in the file is invalid (${where}: ${issue?.message ?? ''}).`,
    );
  }
  return {
    ok: true,
    visit: visit.data,
    digest: integrity.digest,
    keyId: integrity.keyId,
    publicKeyPem: integrity.publicKeyPem,
    exportedAt: envelope.data.exportedAt,
    exportedAtMs: exported,
  };
}
