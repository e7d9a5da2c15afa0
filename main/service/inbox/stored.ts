/**
 * Reopens a visit kept in the inbox, checking its seal again: the database could have been
 * damaged or edited since the import.
 */
import { ServiceError } from '../errors.js';
import type { InboxStore, VisitRecord } from './store-types.js';
import { checkExport, type Checked } from './verify.js';

/** The stored export of a visit, verified again, and its text. */
export async function openStored(
  store: InboxStore,
  visitId: string,
  now: Date,
): Promise<{ record: VisitRecord; text: string; checked: Extract<Checked, { ok: true }> }> {
  const record = await store.getVisit(visitId);
  if (record === undefined) {
    throw new ServiceError('not-found', {
      vi: `Hộp thư không có chuyến công tác ${visitId}.`,
      en: `The inbox has no visit ${visitId}.`,
    });
  }
  const text = Buffer.from(record.raw).toString('utf8');
  // The export time was checked at import; a later clock must not refuse it now.
  const checked = checkExport(text, new Date(Math.max(now.getTime(), record.exportedAtMs)));
  if (!checked.ok || checked.digest !== record.digest || checked.keyId !== record.keyId) {
    throw new ServiceError('io-error', {
      vi: 'Bản lưu trong hộp thư bị hỏng hoặc bị sửa sau khi nhập; hãy nhập lại tệp gốc.',
      en: 'The copy in the inbox is damaged or was edited after the import; import the original file again.',
    });
  }
  return { record, text, checked };
}
