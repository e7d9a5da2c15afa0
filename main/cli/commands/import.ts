import type { IpcResult } from '../../service/define.js';
import type { Aggregate, ImportSummary } from '../../service/inbox/contract.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

const MARK: Readonly<Record<string, string>> = {
  accepted: '✔',
  'first-use': '✔?',
  'unknown-key': '⚠',
  duplicate: '=',
  refused: '✖',
  tampered: '✖!',
};

function formatAggregate(agg: Aggregate, vi: boolean): string[] {
  const t = agg.total;
  return [
    vi
      ? `Tổng: ${t.visits} chuyến, ${t.machines} máy, ${t.findings} phát hiện, ${t.fixes} việc đã khắc phục, ${t.openItems} việc còn tồn, ${t.peopleOfficial + t.peopleCitizen} người được hỗ trợ`
      : `Total: ${t.visits} visits, ${t.machines} machines, ${t.findings} findings, ${t.fixes} fixes, ${t.openItems} open items, ${t.peopleOfficial + t.peopleCitizen} people helped`,
    vi
      ? `Chứng thư số hết hạn: đã hết ${t.certsExpired}, ≤30 ngày ${t.certs30}, ≤60 ngày ${t.certs60}, ≤90 ngày ${t.certs90}; máy hết hỗ trợ ${t.outOfSupport}; máy in sắp hết mực ${t.printersLow}`
      : `Certificates: expired ${t.certsExpired}, ≤30 days ${t.certs30}, ≤60 ${t.certs60}, ≤90 ${t.certs90}; out of support ${t.outOfSupport}; printers low ${t.printersLow}`,
    ...agg.rows.map(
      (r) =>
        `  ${r.key}: ${r.visits} ${vi ? 'chuyến' : 'visits'}, ${r.machines} ${vi ? 'máy' : 'machines'}, ${r.findings} ${vi ? 'phát hiện' : 'findings'}${r.untrusted ? ` (${r.untrusted} ${vi ? 'từ khoá niêm phong chưa tin cậy' : 'from untrusted sealing keys'})` : ''}`,
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
    'xaso import FILE_OR_FOLDER… [--trust-first-use] [--group province|commune|intern|month|quarter|year] [--xlsx OUT] [--json]',
    'xaso import --trust-key KEY_FILE      (tin cậy khoá niêm phong công khai của một sinh viên)',
    'xaso import --export-key OUT [--label "Họ tên"]   (xuất khoá niêm phong công khai của máy này)',
  ],
  flags: ['trust-first-use?', 'group', 'xlsx', 'trust-key', 'export-key', 'label'],
  async run(args, io) {
    const vi = io.lang === 'vi';
    const trustKey = args.flags['trust-key'];
    if (typeof trustKey === 'string') {
      const r = await io.service.invoke('keys:trust', { file: trustKey }, { signal: io.signal });
      return printResult(io, r, (v) => [
        `${vi ? 'Đã tin cậy khoá niêm phong' : 'Trusted sealing key'} ${v.keyId} (${v.label})`,
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
        `${vi ? 'Đã xuất khoá niêm phong công khai' : 'Public sealing key exported'} ${v.keyId}: ${v.file ?? ''}`,
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
      trustOnFirstUse: args.flags['trust-first-use'] === true,
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
    const bad = result.counts.refused + result.counts.tampered;
    return code !== 0 ? code : bad > 0 ? 3 : 0;
  },
};
