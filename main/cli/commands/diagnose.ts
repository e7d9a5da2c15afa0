import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { formatSnapshot, progressLine } from './diagnose-format.js';
import { attachSnapshotToVisit } from './visit-attach.js';

function onlyOf(value: string | true | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names =
    value === true
      ? []
      : value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  if (names.length === 0) {
    throw new UsageError({
      vi: '--only cần danh sách vùng, ví dụ --only hardware,signature',
      en: '--only needs a list of areas, e.g. --only hardware,signature',
    });
  }
  return names;
}

/** `xaso diagnose`: the whole sweep of this PC, as a readable table or JSON. */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: {
    vi: 'Chẩn đoán máy: sức khoẻ, phần mềm, sẵn sàng ký số',
    en: 'Diagnose this PC: health, software, signing readiness',
  },
  usage: [
    'xaso diagnose [--json] [--only AREA,...] [--asset-tag T] [--visit ID|FILE] [--ca CA.pem]...',
    'AREA: hardware, os, software, signature, network, printers (hoặc mã bước kiểm tra, vd. signature.token-certs)',
  ],
  flags: ['only', 'asset-tag', 'visit', 'ca'],
  async run(args, io) {
    const only = onlyOf(args.flags['only']);
    const tag = args.flags['asset-tag'];
    const visit = args.flags['visit'];
    if (visit === true)
      throw new UsageError({
        vi: '--visit cần mã hoặc tệp chuyến công tác',
        en: '--visit needs a visit id or file',
      });
    if (tag === true)
      throw new UsageError({
        vi: '--asset-tag cần một giá trị, ví dụ --asset-tag UBND-PC-03',
        en: '--asset-tag needs a value, e.g. --asset-tag UBND-PC-03',
      });
    const ca = args.all['ca'];
    const result = await io.service.invoke(
      'diagnostics:run',
      {
        ...(only === undefined ? {} : { only }),
        ...(tag === undefined ? {} : { assetTag: tag }),
        ...(ca === undefined ? {} : { caFiles: [...ca] }),
      },
      {
        signal: io.signal,
        onProgress: (e) => {
          if (io.isTty && e.label !== undefined && e.event === 'probe-finished')
            io.err(progressLine(e.percent, e.label[io.lang]));
        },
      },
    );
    const code = printResult(io, result, (value) => formatSnapshot(value, io.lang), {
      flagFields: ['caFiles', 'only'],
    });
    if (!result.ok || visit === undefined) return code;
    return Math.max(code, await attachSnapshotToVisit(io, visit, result.value));
  },
};
