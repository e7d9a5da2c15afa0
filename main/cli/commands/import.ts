import type { IpcResult } from '../../service/define.js';
import type { Aggregate, ImportSummary } from '../../service/inbox/contract.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { formatCount, formatDate, formatFingerprint } from '../../service/vocabulary.js';
import { printResult } from '../print.js';

const MARK: Readonly<Record<string, string>> = {
  accepted: '✔',
  'unknown-key': '⚠',
  duplicate: '=',
  older: '=',
  unchanged: '=',
  conflict: '⚠!',
  refused: '✖',
  tampered: '✖!',
};

/** Counts as the language writes them (`formatCount`: 60.105 in Vietnamese). */
const counter =
  (vi: boolean) =>
  (n: number): string =>
    formatCount(n, vi ? 'vi' : 'en');

function formatAggregate(agg: Aggregate, vi: boolean): string[] {
  const t = agg.total;
  const n = counter(vi);
  return [
    vi
      ? `Tổng: ${n(t.visits)} chuyến, ${n(t.machines)} máy, ${n(t.problems)} vấn đề, ${n(t.fixes)} việc đã khắc phục, ${n(t.openItems)} việc còn tồn, ${n(t.people)} người được hỗ trợ, ${n(t.hoursOnSite)} giờ tại xã`
      : `Total: ${n(t.visits)} visits, ${n(t.machines)} machines, ${n(t.problems)} problems, ${n(t.fixes)} fixes, ${n(t.openItems)} open items, ${n(t.people)} people helped, ${n(t.hoursOnSite)} hours on site`,
    vi
      ? `Chứng thư chữ ký số: đã hết hạn ${n(t.certsExpired)}, hết hạn trong 90 ngày ${n(t.certs90)}; máy hết hỗ trợ ${n(t.outOfSupport)}; máy in sắp hết mực ${n(t.printersLow)}`
      : `Certificates: expired ${n(t.certsExpired)}, expiring within 90 days ${n(t.certs90)}; out of support ${n(t.outOfSupport)}; printers low ${n(t.printersLow)}`,
    ...agg.rows.map(
      (r) =>
        `  ${r.key}: ${n(r.visits)} ${vi ? 'chuyến' : 'visits'}, ${n(r.machines)} ${vi ? 'máy' : 'machines'}, ${n(r.problems)} ${vi ? 'vấn đề' : 'problems'}${r.untrusted ? ` (${n(r.untrusted)} ${vi ? 'từ khoá chưa đăng ký' : 'from keys not enrolled'})` : ''}`,
    ),
  ];
}

/** Files of one verdict listed one per line at most; more are one line with their count. */
const LISTED = 10;
/** Keys not enrolled named at most, most files first. */
const KEYS_NAMED = 5;
/** Verdicts each file of which needs its own look (its own reason): always listed. */
const ALWAYS_LISTED = new Set(['refused', 'tampered', 'conflict']);

/**
 * The verdicts as lines: every file that needs a look, and every file of a verdict with few;
 * a verdict with many files (10,000 "seal correct, key not enrolled") is one line with its count,
 * and for keys not enrolled, which keys sent them (what the supervisor enrols next).
 */
function verdictLines(
  verdicts: ImportSummary['verdicts'],
  vi: boolean,
  lang: 'vi' | 'en',
): string[] {
  const n = counter(vi);
  const byStatus = new Map<string, ImportSummary['verdicts'][number][]>();
  for (const v of verdicts) {
    const list = byStatus.get(v.status);
    if (list === undefined) byStatus.set(v.status, [v]);
    else list.push(v);
  }
  const lines: string[] = [];
  for (const [status, list] of byStatus) {
    const mark = MARK[status] ?? '?';
    if (ALWAYS_LISTED.has(status) || list.length <= LISTED) {
      for (const v of list)
        lines.push(
          `${mark} ${v.name}: ${v.reason[lang]}${v.commune ? ` [${v.commune}, ${formatDate(v.date ?? '', lang)}]` : ''}`,
        );
      continue;
    }
    lines.push(`${mark} ${n(list.length)} ${vi ? 'tệp' : 'files'}: ${list[0]!.reason[lang]}`);
    if (status !== 'unknown-key') continue;
    const byKey = new Map<string, number>();
    for (const v of list) if (v.keyId) byKey.set(v.keyId, (byKey.get(v.keyId) ?? 0) + 1);
    const keys = [...byKey].sort((a, b) => b[1] - a[1]);
    for (const [keyId, count] of keys.slice(0, KEYS_NAMED))
      lines.push(
        `    ${vi ? 'khoá' : 'key'} ${formatFingerprint(keyId)}: ${n(count)} ${vi ? 'tệp' : 'files'}`,
      );
    if (keys.length > KEYS_NAMED)
      lines.push(
        vi
          ? `    … và ${n(keys.length - KEYS_NAMED)} khoá khác (xem tất cả: xaso import … --json)`
          : `    … and ${n(keys.length - KEYS_NAMED)} other keys (all of them: xaso import … --json)`,
      );
  }
  return lines;
}

/** `xaso import FILES…`: the supervisor's inbox from the command line. */
export const importCommand: Command = {
  name: 'import',
  summary: {
    vi: 'Nhập báo cáo JSON của sinh viên (kiểm tra mã băm, chữ ký), tổng hợp',
    en: "Import interns' JSON reports (digest, signature checks), totals",
  },
  usage: [
    'xaso import FILE_OR_FOLDER… [--group province|commune|intern|month|quarter|year] [--xlsx OUT [--force]] [--json]',
    'xaso import --enrol-key KEY_FILE --name "Họ tên"   (đăng ký khoá của một sinh viên)',
    'xaso import --enrol-fingerprint "3f2a 9c01 7be4 d25e" --name "Họ tên"',
    'xaso import --export-key OUT [--label "Họ tên"] [--force]   (xuất khoá công khai của máy này)',
    '--force: ghi đè tệp --xlsx / --export-key đã có (không có thì không ghi đè).',
  ],
  flags: [
    'group',
    'xlsx',
    'enrol-key',
    'enrol-fingerprint',
    'name',
    'export-key',
    'label',
    'force?',
  ],
  async run(args, io) {
    const vi = io.lang === 'vi';
    const enrolKey = args.flags['enrol-key'];
    const enrolPrint = args.flags['enrol-fingerprint'];
    if (typeof enrolKey === 'string' || typeof enrolPrint === 'string') {
      const name = args.flags['name'];
      if (typeof name !== 'string' || name.trim() === '')
        throw new UsageError({
          vi: 'Cần --name "Họ tên": tên sinh viên do người hướng dẫn đặt, không lấy từ tệp.',
          en: 'Needs --name "Full name": the intern\'s name is the supervisor\'s, never read from the file.',
        });
      const r = await io.service.invoke(
        'keys:enrol',
        typeof enrolKey === 'string'
          ? { file: enrolKey, name }
          : { fingerprint: String(enrolPrint), name },
        { signal: io.signal },
      );
      return printResult(io, r, (v) => [
        `${vi ? 'Đã đăng ký khoá' : 'Enrolled key'} ${v.keyId} (${v.name})`,
      ]);
    }
    const exportKey = args.flags['export-key'];
    if (typeof exportKey === 'string') {
      const label = typeof args.flags['label'] === 'string' ? args.flags['label'] : '';
      const r = await io.service.invoke(
        'keys:export-public',
        { out: exportKey, label, overwrite: args.flags['force'] === true },
        { signal: io.signal },
      );
      return printResult(io, r, (v) => [
        `${vi ? 'Đã xuất khoá công khai' : 'Public key exported'} ${v.keyId}: ${v.file ?? ''}`,
      ]);
    }
    if (args.positionals.length === 0)
      throw new UsageError({
        vi: 'Cần ít nhất một tệp hoặc thư mục: xaso import bao-cao/*.json',
        en: 'At least one file or folder: xaso import reports/*.json',
      });
    // One channel imports, totals and writes the XLSX; the service checks --group.
    const group = args.flags['group'];
    const xlsx = args.flags['xlsx'];
    const request = {
      paths: [...args.positionals],
      ...(group === undefined ? {} : { groupBy: group }),
      ...(typeof xlsx === 'string'
        ? { xlsxOut: xlsx, overwrite: args.flags['force'] === true }
        : {}),
      lang: io.lang,
    };
    // On a terminal, a line every tenth of the files (not one per file) and the adding up.
    let shownTenth = -1;
    const summary = (await io.service.invokeUnknown('inbox:import-summary', request, {
      signal: io.signal,
      onProgress: (e) => {
        if (!io.isTty || e.label === undefined || io.json) return;
        const tenth = Math.floor((e.percent ?? 0) / 10);
        if (e.event === 'file' && tenth === shownTenth) return;
        shownTenth = tenth;
        io.err(e.label[io.lang]);
      },
    })) as IpcResult<ImportSummary>;
    if (!summary.ok) return printResult(io, summary, () => [], { flagFields: ['groupBy'] });
    const result = summary.value;
    const { xlsx: _written, ...shown } = result;
    const code = printResult(io, { ok: true, value: shown }, () => [
      ...verdictLines(result.verdicts, vi, io.lang),
      ...formatAggregate(result.aggregate, vi),
    ]);
    const bad = result.counts.refused + result.counts.tampered + result.counts.conflict;
    return code !== 0 ? code : bad > 0 ? 3 : 0;
  },
};
