import type { IpcResult } from '../../service/define.js';
import type { ExportResult } from '../../service/reports/contract.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { sendReport } from './report-send.js';

/** `xaso report VISIT --format F --out FILE`: export a visit. */
export const reportCommand: Command = {
  name: 'report',
  summary: {
    vi: 'Xuất báo cáo chuyến công tác (PDF, DOCX, XLSX, CSV, JSON ký số, HTML, văn bản Zalo)',
    en: 'Export a visit report (PDF, DOCX, XLSX, CSV, signed JSON, HTML, Zalo text)',
  },
  usage: [
    'xaso report VISIT_FILE --format pdf|docx|xlsx|csv|json|html|text [--out FILE]',
    'Không có --out: văn bản (text) in ra màn hình, định dạng khác lưu vào thư mục dữ liệu/exports.',
    'xaso report [VISIT_FILE] --send [--server https://thu-nhan.tinh.gov.vn]',
    '--send: ký số, đưa vào hàng chờ và gửi lên máy chủ thu nhận của tỉnh (gửi lại sau nếu chưa được).',
  ],
  flags: ['format', 'out', 'send?', 'server'],
  async run(args, io) {
    const [file] = args.positionals;
    if (args.flags['send'] === true) return sendReport(file, args, io);
    if (file === undefined)
      throw new UsageError({
        vi: 'Cần tệp chuyến công tác: xaso report FILE --format pdf --out bao-cao.pdf',
        en: 'A visit file is needed: xaso report FILE --format pdf --out report.pdf',
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
        ref: { file },
        format,
        lang: io.lang,
        ...(out === undefined ? {} : { out }),
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
          `${io.lang === 'vi' ? 'Đã xuất' : 'Exported'} ${r.format.toUpperCase()}: ${r.file ?? r.fileName} (${r.bytes} bytes, SHA-256 ${r.sha256.slice(0, 16)}…)`,
        ];
      },
      { flagFields: ['format'] },
    );
  },
};
