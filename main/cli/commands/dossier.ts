import { resolve } from 'node:path';

import type { IpcResult, Lang } from '../../service/define.js';
import type { DossierExportResult } from '../../service/dossier/contract.js';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

/** A visit id, or a visit file when it looks like a path. */
function refOf(arg: string): { id: string } | { file: string } {
  return /[\\/]|\.json$/i.test(arg) ? { file: resolve(arg) } : { id: arg };
}

function fileFlag(value: string | true | undefined, name: string): string | undefined {
  if (value === true)
    throw new UsageError({ vi: `--${name} cần tên tệp`, en: `--${name} needs a file name` });
  return value;
}

function doneLine(r: DossierExportResult, lang: Lang): string {
  const c = r.counts;
  return lang === 'vi'
    ? `Đã lập hồ sơ ${r.format.toUpperCase()}: ${r.file ?? r.fileName} (${c.assets} thiết bị, ${c.unidentified} chưa xác định, ${c.risks} rủi ro, ${c.notMet} yêu cầu chưa đạt, ${c.notMeasured} chưa đo)`
    : `Dossier ${r.format.toUpperCase()} written: ${r.file ?? r.fileName} (${c.assets} devices, ${c.unidentified} unidentified, ${c.risks} risks, ${c.notMet} requirements not met, ${c.notMeasured} not measured)`;
}

async function exportOne(
  io: CommandIo,
  request: Readonly<Record<string, unknown>>,
): Promise<number> {
  // The service checks the regime and the format (one list, in dossier/contract.ts).
  const result = (await io.service.invokeUnknown('dossier:export', request, {
    signal: io.signal,
  })) as IpcResult<DossierExportResult>;
  return printResult(io, result, (r) => [doneLine(r, io.lang)], {
    flagFields: ['regime', 'format'],
  });
}

/** `xaso dossier VISIT… --regime old|new --out FILE.docx [--xlsx FILE] [--force]`. */
export const dossierCommand: Command = {
  name: 'dossier',
  summary: {
    vi: 'Lập hồ sơ đề xuất cấp độ an toàn (DOCX; danh mục tài sản XLSX) từ các chuyến công tác',
    en: 'Draft the security-by-level dossier (DOCX; asset inventory XLSX) from visits',
  },
  usage: [
    'xaso dossier VISIT… --regime old|new --out HO-SO.docx [--xlsx DANH-MUC.xlsx] [--force]',
    'VISIT: mã hoặc tệp chuyến công tác (nhiều chuyến của cùng một xã: trạng thái mới nhất của mỗi thiết bị).',
    '--regime old: NĐ 85/2016, TT 12/2022, TCVN 11930:2017; new: NĐ 331/2026, TCVN 14423:2026 (chưa xác nhận).',
    'Tệp đã có không bị ghi đè, trừ khi có --force. --out kết thúc .xlsx/.svg/.json thì xuất định dạng đó.',
  ],
  flags: ['regime', 'out', 'xlsx', 'force?'],
  async run(args, io) {
    if (args.positionals.length === 0)
      throw new UsageError({
        vi: 'Cần ít nhất một chuyến công tác: xaso dossier TỆP --regime new --out ho-so.docx',
        en: 'At least one visit is needed: xaso dossier FILE --regime new --out dossier.docx',
      });
    const regime = args.flags['regime'];
    if (regime === undefined || regime === true)
      throw new UsageError({
        vi: 'Cần --regime old (trước 1/7/2026) hoặc --regime new (từ 1/7/2026)',
        en: 'Needs --regime old (before 1/7/2026) or --regime new (from 1/7/2026)',
      });
    const out = fileFlag(args.flags['out'], 'out');
    const xlsx = fileFlag(args.flags['xlsx'], 'xlsx');
    const ext = /\.(xlsx|svg|json)$/i.exec(out ?? '')?.[1]?.toLowerCase();
    const base = {
      refs: args.positionals.map(refOf),
      regime,
      force: args.flags['force'] === true,
    };
    const code = await exportOne(io, {
      ...base,
      format: ext ?? 'docx',
      ...(out === undefined ? {} : { out }),
    });
    if (code !== 0 || xlsx === undefined) return code;
    return exportOne(io, { ...base, format: 'xlsx', out: xlsx });
  },
};
