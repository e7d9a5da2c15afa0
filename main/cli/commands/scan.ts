import { resolve } from 'node:path';

import { isOneOf } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { progressLine } from './diagnose-format.js';
import { formatScan } from './scan-format.js';

/** `xaso scan [CIDR]`: find every device on the office LAN. */
export const scanCommand: Command = {
  name: 'scan',
  summary: {
    vi: 'Quét mạng LAN: máy in, bộ định tuyến, máy tính, camera',
    en: 'Scan the LAN: printers, routers, PCs, cameras',
  },
  usage: [
    'xaso scan [CIDR] [--json] [--yes] [--ping always|never|auto] [--no-names] [--visit ID|FILE]',
    'CIDR: ví dụ 192.168.1.0/24; mặc định: dải của card mạng máy này. Dải lớn hơn /22 cần --yes.',
    '--visit ID|FILE: lưu kết quả vào chuyến công tác (mã trong xaso visit list, hoặc tệp .json của chuyến).',
  ],
  flags: ['yes?', 'ping', 'no-names?', 'visit'],
  async run(args, io) {
    const [cidr, extra] = args.positionals;
    if (extra !== undefined)
      throw new UsageError({
        vi: 'Chỉ cho một dải địa chỉ, ví dụ: xaso scan 192.168.1.0/24',
        en: 'Give one range only, e.g. xaso scan 192.168.1.0/24',
      });
    const ping = args.flags['ping'];
    if (ping !== undefined && !isOneOf(['always', 'never', 'auto'], ping)) {
      throw new UsageError({
        vi: '--ping nhận always, never hoặc auto',
        en: '--ping takes always, never or auto',
      });
    }
    const request = {
      ...(cidr === undefined ? {} : { cidr }),
      ...(args.flags['yes'] === true ? { confirmLarge: true } : {}),
      ...(ping === undefined ? {} : { icmp: ping }),
      ...(args.flags['no-names'] === true ? { reverseDns: false, netbios: false } : {}),
    };
    const result = await io.service.invoke('scan:run', request, {
      signal: io.signal,
      onProgress: (e) => {
        if (io.isTty && e.label !== undefined && e.percent !== undefined && e.percent % 10 === 0)
          io.err(progressLine(e.percent, e.label[io.lang]));
      },
    });
    if (!result.ok && result.error.code === 'conflict' && !io.json) {
      io.err(`xaso: ${result.error.message[io.lang]}`);
      io.err(
        io.lang === 'vi'
          ? 'Thêm --yes để quét dải lớn này.'
          : 'Add --yes to scan this large range.',
      );
      return 1;
    }
    const code = printResult(io, result, (value) => formatScan(value, io.lang));
    const visit = args.flags['visit'];
    if (!result.ok || visit === undefined) return code;
    if (visit === true)
      throw new UsageError({
        vi: '--visit cần mã hoặc tệp chuyến công tác',
        en: '--visit needs a visit id or file',
      });
    const ref = /[\\/]|\.json$/i.test(visit) ? { file: resolve(visit) } : { id: visit };
    const saved = await io.service.invoke(
      'visits:add-scan',
      { ref, scan: result.value },
      { signal: io.signal },
    );
    if (!saved.ok) return printResult({ ...io, json: false }, saved, () => []);
    io.err(
      io.lang === 'vi'
        ? `Đã lưu kết quả quét vào chuyến ${visit}.`
        : `Scan saved to visit ${visit}.`,
    );
    return code;
  },
};
