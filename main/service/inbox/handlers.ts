import path from 'node:path';

import type { Handlers, HandlerContext } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { assertFileDoor } from '../request-files.js';
import { exportsDirOf, writeExport } from '../storage/export-file.js';
import { type ReadFileError, readBoundedText } from '../storage/read-file.js';
import { aggregateOf } from './aggregate.js';
import { renderDeskXlsx } from './aggregate-xlsx.js';
import type { ImportResult, inboxContract } from './contract.js';
import { deskOf, deskWithRefs, drillOf } from './desk.js';
import { expandPaths, importVisits, type ImportInput } from './import.js';
import {
  formatFingerprint,
  installationKey,
  keyIdOf,
  keyQrText,
  parseFingerprint,
  parseKeyQr,
  parsePublicKey,
  publicKeyFile,
  publicKeyFileSchema,
} from './keys.js';
import { openInboxStore } from './sqlite-store.js';
import { entriesOf, keptVisitOf, listOf, listPage, type InboxStore } from './store-types.js';
import { openStored } from './stored.js';
import { FORMAT_INFO, exportFileName, renderVisit } from '../reports/export.js';
import { exportContext } from '../reports/handlers.js';
import type { Desk, DeskFilter, EnrolledKey, ImportStatus, ImportVerdict } from './types.js';

const STATUSES: readonly ImportStatus[] = [
  'accepted',
  'unknown-key',
  'duplicate',
  'older',
  'conflict',
  'refused',
  'tampered',
  'unchanged',
];

function counts(verdicts: readonly ImportVerdict[]): ImportResult['counts'] {
  const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ImportStatus, number>;
  for (const v of verdicts) out[v.status] += 1;
  return out;
}

/**
 * The answer of `inbox:drill` (both doors): the ids `ref` names in `desk`, or, when it names no
 * figure of it any more (a write came between), a plain "reload the desk".
 */
export function drillAnswer(desk: Desk, ref: string): { visits: readonly string[] } {
  const visits = drillOf(desk, ref);
  if (visits === undefined)
    throw new ServiceError('not-found', {
      vi: 'Con số này không còn trên bàn làm việc (dữ liệu vừa được cập nhật): hãy tải lại bàn làm việc.',
      en: 'This figure is no longer on the desk (the data was just updated): reload the desk.',
    });
  return { visits };
}

const invalid = (vi: string, en: string): ServiceError =>
  new ServiceError('invalid-request', { vi, en });

/** The key an enrolment request names: from a key file, a fingerprint or a QR text. */
function enrolled(
  request: Readonly<{
    name: string;
    text?: string | undefined;
    fingerprint?: string | undefined;
    qr?: string | undefined;
  }>,
  at: string,
): EnrolledKey {
  const base = { name: request.name, enrolledAt: at };
  if (request.fingerprint !== undefined) {
    const keyId = parseFingerprint(request.fingerprint);
    if (keyId === undefined)
      throw invalid(
        'Dấu vân tay khoá phải có đúng 16 chữ số hệ 16 (0–9, a–f), ví dụ 3f2a 9c01 7be4 d25e.',
        'A key fingerprint is exactly 16 hex digits (0–9, a–f), e.g. 3f2a 9c01 7be4 d25e.',
      );
    return { ...base, keyId, source: 'fingerprint' };
  }
  if (request.qr !== undefined) {
    const parsed = parseKeyQr(request.qr);
    if (parsed === undefined)
      throw invalid(
        'Mã QR không phải mã khoá niêm phong của Xã Số, hoặc khoá không khớp dấu vân tay.',
        'The QR code is not a Xã Số sealing key, or the key does not match its fingerprint.',
      );
    return { ...base, ...parsed, source: 'qr' };
  }
  try {
    const parsed = publicKeyFileSchema.parse(JSON.parse(request.text ?? ''));
    if (keyIdOf(parsePublicKey(parsed.publicKeyPem)) !== parsed.keyId)
      throw new Error('key id does not match the key');
    // The label inside the file is the intern's own words: the name is the supervisor's.
    return { ...base, keyId: parsed.keyId, publicKeyPem: parsed.publicKeyPem, source: 'key-file' };
  } catch (error) {
    const detail = (error as Error).message.slice(0, 300);
    throw invalid(
      `Tệp khoá công khai không hợp lệ: ${detail}`,
      `Invalid public key file: ${detail}`,
    );
  }
}

/** Handlers of the `inbox:*` and `keys:*` channels. */
export function inboxHandlers(env: ServiceEnv): Handlers<typeof inboxContract> {
  const store = (): Promise<InboxStore> => openInboxStore(env.dataDir);
  const runImport = async (
    inputs: ImportInput[],
    { progress, signal }: HandlerContext,
    full = false,
  ): Promise<ImportResult> => {
    const verdicts = await importVisits(inputs, {
      store: await store(),
      now: env.now,
      signal,
      full,
      onVerdict: (verdict, done, total) =>
        progress({
          percent: Math.round((done / total) * 100),
          event: 'file',
          data: verdict,
          label: { vi: `Đã kiểm tra ${done}/${total} tệp`, en: `Checked ${done}/${total} files` },
        }),
    });
    const result = { verdicts, counts: counts(verdicts) };
    if (verdicts.some((v) => v.status !== 'unchanged')) await warm({ progress, signal });
    return result;
  };
  const desk = async (filter: DeskFilter, staleDays?: number) =>
    deskOf(await store(), filter, env.now(), staleDays);
  /**
   * After a write, the whole programme's desk is computed and kept (the import's "aggregate"
   * step), so the supervisor who opens the desk, now or in a new process, waits for nothing.
   */
  const warm = async ({ progress }: Pick<HandlerContext, 'progress' | 'signal'>): Promise<void> => {
    progress({
      percent: 100,
      event: 'aggregate',
      label: { vi: 'Đang tổng hợp số liệu cho bàn làm việc', en: 'Adding up the desk figures' },
    });
    await desk({});
  };

  const handlers: Handlers<typeof inboxContract> = {
    // The CLI's `xaso import`: one request instead of three, so a test of the service sees it.
    'inbox:import-summary': async ({ paths, groupBy, xlsxOut, overwrite, lang }, call) => {
      if (xlsxOut !== undefined) assertFileDoor(env, 'xlsxOut');
      const imported = await handlers['inbox:import']({ paths, uploads: [] }, call);
      const totals = await handlers['inbox:aggregate']({ groupBy, trustedOnly: false }, call);
      if (xlsxOut === undefined) return { ...imported, aggregate: totals };
      const written = await handlers['inbox:export-desk'](
        { format: 'xlsx', trustedOnly: false, out: xlsxOut, overwrite, inline: false, lang },
        call,
      );
      return {
        ...imported,
        aggregate: totals,
        xlsx: { file: written.file ?? xlsxOut, bytes: written.bytes },
      };
    },
    'inbox:import': async ({ paths, uploads }, call) => {
      if (paths.length > 0) assertFileDoor(env, 'paths');
      return runImport(
        [
          ...(await expandPaths(paths)),
          ...uploads.map((u) => ({
            name: u.name,
            read: async () => new Uint8Array(Buffer.from(u.text, 'utf8')),
          })),
        ],
        call,
      );
    },
    'inbox:rebuild': async ({ paths }, call) => {
      assertFileDoor(env, 'paths');
      const s = await store();
      await s.transaction(() => s.clearVisits());
      return runImport(await expandPaths(paths), call, true);
    },
    'inbox:list': async (page) => {
      const s = await store();
      if (s.listItems !== undefined) return { offset: page.offset, ...(await s.listItems(page)) };
      const rows = await s.deskRows();
      return { offset: page.offset, ...listPage(listOf(rows.visits, rows.keys), page) };
    },
    'inbox:aggregate': async ({ groupBy, ...filter }) =>
      aggregateOf(await store(), groupBy, filter, env.now()),
    'inbox:desk': async ({ staleDays, ids, ...filter }) => {
      const d = await desk(filter, staleDays);
      return ids ? d : deskWithRefs(d);
    },
    'inbox:drill': async ({ staleDays, ref, ...filter }) =>
      drillAnswer(await desk(filter, staleDays), ref),
    'inbox:export-aggregate': async ({ groupBy: _g, out, overwrite, inline, lang, ...filter }) =>
      handlers['inbox:export-desk'](
        {
          ...filter,
          format: 'xlsx',
          overwrite,
          inline,
          lang,
          ...(out === undefined ? {} : { out }),
        },
        { progress: () => undefined, signal: new AbortController().signal },
      ),
    'inbox:export-desk': async ({ format, out, overwrite, inline, lang, ...filter }) => {
      if (out !== undefined) assertFileDoor(env, 'out');
      const d = await desk(filter);
      const title =
        lang === 'vi'
          ? 'Báo cáo tổng hợp chương trình sinh viên hỗ trợ chuyển đổi số'
          : 'Programme summary: interns supporting the digital transformation';
      const bytes =
        format === 'xlsx'
          ? await renderDeskXlsx(d, lang)
          : await (await import('./desk-pdf.js')).renderDeskPdf(d, lang, title);
      const name = `ban-lam-viec-${env.now().toISOString().slice(0, 10)}.${format}`;
      const file =
        out === undefined
          ? inline
            ? undefined
            : await writeExport(env, path.join(await exportsDirOf(env), name), bytes, {
                overwrite: true,
              })
          : await writeExport(env, out, bytes, { overwrite });
      return {
        bytes: bytes.length,
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
    },
    'inbox:visit': async ({ visitId }) => {
      const s = await store();
      const { record, checked } = await openStored(s, visitId, env.now());
      const [entry] = entriesOf([record], await s.listKeys());
      return { visit: checked.visit, entry: entry! };
    },
    'inbox:conflicts': async () => {
      const s = await store();
      const names = new Map((await s.listKeys()).map((k) => [k.keyId, k.name]));
      return (await s.listConflicts()).map((c) => ({
        ...c,
        ...(names.has(c.keptKeyId) ? { keptSigner: names.get(c.keptKeyId) } : {}),
        ...(names.has(c.heldKeyId) ? { heldSigner: names.get(c.heldKeyId) } : {}),
      }));
    },
    'inbox:resolve-conflict': async ({ id, keep }, call) => {
      const s = await store();
      const conflict = await s.getConflict(id);
      if (conflict === undefined || conflict.status !== 'open')
        throw new ServiceError('not-found', {
          vi: 'Không có tệp bị giữ riêng nào đang chờ quyết định với mã này.',
          en: 'No held file awaiting a decision has this id.',
        });
      const at = env.now().toISOString();
      await s.transaction(async () => {
        if (keep === 'incoming') {
          const key = await s.getKey(conflict.heldKeyId);
          await s.putVisit(
            keptVisitOf(conflict, at, key === undefined ? 'unknown-key' : 'accepted'),
          );
        }
        await s.decideConflict(id, keep === 'incoming' ? 'kept-incoming' : 'kept-existing', at);
      });
      if (keep === 'incoming') await warm(call);
      return { kept: keep };
    },
    'inbox:log': async ({ limit }) => (await store()).listLog(limit),
    'inbox:communes': async ({ set }) => {
      const s = await store();
      if (set !== undefined) await s.transaction(() => s.setCommunes(set));
      return { communes: await s.listCommunes() };
    },
    'inbox:report': async ({ visitId, format, out, overwrite, inline, lang }) => {
      const { text, checked } = await openStored(await store(), visitId, env.now());
      // JSON: the intern's sealed export, verbatim (re-sealing would replace their seal).
      const bytes =
        format === 'json'
          ? Buffer.from(`${text.trimEnd()}\n`, 'utf8')
          : await renderVisit(checked.visit, format, exportContext(env, lang));
      const fileName = exportFileName(checked.visit, format);
      const file =
        out === undefined ? undefined : await writeExport(env, out, bytes, { overwrite });
      return {
        fileName,
        mime: FORMAT_INFO[format].mime,
        bytes: bytes.length,
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
    },
    'keys:export-public': async ({ out, overwrite, label }) => {
      const key = await installationKey(env.dataDir, env.now);
      const text = `${JSON.stringify(publicKeyFile(key, label), null, 2)}\n`;
      return {
        keyId: key.keyId,
        text,
        ...(out === undefined ? {} : { file: await writeExport(env, out, text, { overwrite }) }),
      };
    },
    'keys:enrol': async (request) => {
      if (request.file !== undefined) assertFileDoor(env, 'file');
      const text =
        request.file === undefined
          ? request.text
          : await readBoundedText(request.file, { maxBytes: 64 * 1024 }).catch(
              (error: ReadFileError) => {
                throw new ServiceError('not-found', {
                  vi: `Không đọc được tệp khoá: ${error.text.vi}`,
                  en: `Cannot read the key file: ${error.text.en}`,
                });
              },
            );
      const key = enrolled(
        { ...request, ...(text === undefined ? {} : { text }) },
        env.now().toISOString(),
      );
      const s = await store();
      const same = (await s.listKeys()).find(
        (k) =>
          k.keyId !== key.keyId &&
          k.name.toLocaleLowerCase('vi') === key.name.toLocaleLowerCase('vi'),
      );
      if (same !== undefined)
        throw invalid(
          `Tên "${key.name}" đã dùng cho khoá ${formatFingerprint(same.keyId)}: mỗi sinh viên một tên; bỏ khoá cũ trước hoặc đặt tên khác.`,
          `The name "${key.name}" is already used for key ${formatFingerprint(same.keyId)}: one name per intern; remove the old key first or choose another name.`,
        );
      const before = await s.getKey(key.keyId);
      const kept: EnrolledKey =
        key.publicKeyPem === undefined && before?.publicKeyPem !== undefined
          ? { ...key, publicKeyPem: before.publicKeyPem }
          : key;
      await s.transaction(() => s.putKey(kept));
      return kept;
    },
    'keys:list': async () => {
      const own = await installationKey(env.dataDir, env.now);
      return {
        own: {
          keyId: own.keyId,
          fingerprint: formatFingerprint(own.keyId),
          qrText: keyQrText(own),
        },
        enrolled: (await (await store()).listKeys()).map((k) => ({
          ...k,
          fingerprint: formatFingerprint(k.keyId),
        })),
      };
    },
    'keys:untrust': async ({ keyId }) => {
      const s = await store();
      return { removed: await s.transaction(() => s.removeKey(keyId)) };
    },
  };
  return handlers;
}
