import type { IpcResult } from '../../service/define.js';
import type { ExportResult } from '../../service/reports/contract.js';
import { NAME_TERMS } from '../../service/vocabulary.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { sendReport } from './report-send.js';
import { visitRef } from './visit.js';

/** What a user calls a format: the sealed JSON by its name, the others by their extension. */
function formatName(format: string, lang: 'vi' | 'en'): string {
  if (format === 'json') return NAME_TERMS.sealedReport[lang].toLocaleLowerCase(lang);
  return format.toUpperCase();
}

/** `xaso report VISIT --format F --out FILE`: export a visit. */
export const reportCommand: Command = {
  name: 'report',
  summary: {
    vi: 'Xuất báo cáo chuyến công tác (biên bản PDF, DOCX; XLSX, CSV, tệp báo cáo có niêm phong JSON, HTML, văn bản Zalo)',
    en: 'Export a visit report (minutes as PDF, DOCX; XLSX, CSV, sealed report file JSON, HTML, Zalo text)',
  },
  usage: [
    'xaso report ID|FILE --format pdf|docx|xlsx|csv|json|html|text [--out FILE [--force]]',
    'Không có --out: văn bản (text) in ra màn hình, định dạng khác lưu vào thư mục dữ liệu/exports.',
    'xaso report [ID|FILE] --send [--server https://thu-nhan.tinh.gov.vn]',
    '--send: niêm phong, đưa vào hàng chờ và gửi lên máy chủ thu nhận của tỉnh (gửi lại sau nếu chưa được).',
    '--force: ghi đè tệp --out đã có (không có thì không ghi đè).',
  ],
  flags: ['format', 'out', 'force?', 'send?', 'server'],
  async run(args, io) {
    const [file] = args.positionals;
    if (args.flags['send'] === true) return sendReport(file, args, io);
    if (file === undefined)
      throw new UsageError({
        vi: 'Cần mã hoặc tệp chuyến công tác: xaso report ID|FILE --format pdf --out bao-cao.pdf',
        en: 'A visit id or file is needed: xaso report ID|FILE --format pdf --out report.pdf',
      });
    // The service checks the format (one list, in reports/contract.ts); a refusal exits 2.
    const format = args.flags['format'];
    const out = args.flags['out'];
    if (out === true)
      throw new UsageError({ vi: '--out cần tên tệp', en: '--out needs a file name' });
    const toScreen = format === 'text' && out === undefined;
    const result = (await io.service.invokeUnknown(
      'reports:export',
      {
        ref: visitRef(file),
        format,
        lang: io.lang,
        ...(out === undefined ? {} : { out, overwrite: args.flags['force'] === true }),
        ...(toScreen ? { inline: true } : {}),
      },
      { signal: io.signal },
    )) as IpcResult<ExportResult>;
    return printResult(
      io,
      result,
      (r) => {
        if (toScreen && r.contentBase64 !== undefined)
          return [Buffer.from(r.contentBase64, 'base64').toString('utf8').trimEnd()];
        return [
          `${io.lang === 'vi' ? 'Đã xuất' : 'Exported'} ${formatName(r.format, io.lang)}: ${r.file ?? r.fileName} (${r.bytes} bytes, SHA-256 ${r.sha256.slice(0, 16)}…)`,
        ];
      },
      { flagFields: ['format'] },
    );
  },
};
