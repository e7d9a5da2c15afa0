import type { IpcResult } from '../../service/define.js';
import type { Aggregate, ImportSummary } from '../../service/inbox/contract.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
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

function formatAggregate(agg: Aggregate, vi: boolean): string[] {
  const t = agg.total;
  return [
    vi
      ? `Tổng: ${t.visits} chuyến, ${t.machines} máy, ${t.problems} vấn đề, ${t.fixes} việc đã khắc phục, ${t.openItems} việc còn tồn, ${t.people} người được hỗ trợ, ${t.hoursOnSite} giờ tại xã`
      : `Total: ${t.visits} visits, ${t.machines} machines, ${t.problems} problems, ${t.fixes} fixes, ${t.openItems} open items, ${t.people} people helped, ${t.hoursOnSite} hours on site`,
    vi
      ? `Chứng thư chữ ký số: đã hết hạn ${t.certsExpired}, hết hạn trong 90 ngày ${t.certs90}; máy hết hỗ trợ ${t.outOfSupport}; máy in sắp hết mực ${t.printersLow}`
      : `Certificates: expired ${t.certsExpired}, expiring within 90 days ${t.certs90}; out of support ${t.outOfSupport}; printers low ${t.printersLow}`,
    ...agg.rows.map(
      (r) =>
        `  ${r.key}: ${r.visits} ${vi ? 'chuyến' : 'visits'}, ${r.machines} ${vi ? 'máy' : 'machines'}, ${r.problems} ${vi ? 'vấn đề' : 'problems'}${r.untrusted ? ` (${r.untrusted} ${vi ? 'từ khoá chưa đăng ký' : 'from keys not enrolled'})` : ''}`,
    ),
  ];
}

/** `xaso import FILES…`: the supervisor's inbox from the command line. */
export const importCommand: Command = {
  name: 'import',
  summary: {
    vi: 'Nhập báo cáo JSON của sinh viên (kiểm tra mã băm, chữ ký), tổng hợp',
    en: "Import interns' JSON reports (digest, signature checks), totals",
  },
  usage: [
    'xaso import FILE_OR_FOLDER… [--group province|commune|intern|month|quarter|year] [--xlsx OUT] [--json]',
    'xaso import --enrol-key KEY_FILE --name "Họ tên"   (đăng ký khoá của một sinh viên)',
    'xaso import --enrol-fingerprint "3f2a 9c01 7be4 d25e" --name "Họ tên"',
    'xaso import --export-key OUT [--label "Họ tên"]   (xuất khoá công khai của máy này)',
  ],
  flags: ['group', 'xlsx', 'enrol-key', 'enrol-fingerprint', 'name', 'export-key', 'label'],
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
        { out: exportKey, label },
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
      ...(typeof xlsx === 'string' ? { xlsxOut: xlsx } : {}),
      lang: io.lang,
    };
    const summary = (await io.service.invokeUnknown('inbox:import-summary', request, {
      signal: io.signal,
      onProgress: (e) => {
        if (io.isTty && e.label !== undefined && !io.json) io.err(e.label[io.lang]);
      },
    })) as IpcResult<ImportSummary>;
    if (!summary.ok) return printResult(io, summary, () => [], { flagFields: ['groupBy'] });
    const result = summary.value;
    const { xlsx: _written, ...shown } = result;
    const code = printResult(io, { ok: true, value: shown }, () => [
      ...result.verdicts.map(
        (v) =>
          `${MARK[v.status] ?? '?'} ${v.name}: ${v.reason[io.lang]}${v.commune ? ` [${v.commune}, ${v.date ?? ''}]` : ''}`,
      ),
      ...formatAggregate(result.aggregate, vi),
    ]);
    const bad = result.counts.refused + result.counts.tampered + result.counts.conflict;
    return code !== 0 ? code : bad > 0 ? 3 : 0;
  },
};
