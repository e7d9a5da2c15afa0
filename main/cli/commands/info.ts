import type { Command } from '../command.js';
import { printResult } from '../print.js';

/** `xaso info`: version, platform and where data is kept. */
export const infoCommand: Command = {
  name: 'info',
  summary: { vi: 'Phiên bản, hệ điều hành và thư mục dữ liệu', en: 'Version, OS and data folder' },
  usage: ['xaso info [--json]'],
  flags: [],
  async run(_args, io) {
    const result = await io.service.invoke('app:info', {}, { signal: io.signal });
    return printResult(io, result, (value) => {
      const info = value;
      const vi = io.lang === 'vi';
      return [
        `Xã Số ${info.version} (${info.platform}/${info.arch}, Node ${info.nodeVersion})`,
        `${vi ? 'Thư mục dữ liệu' : 'Data folder'}: ${info.dataDir}${info.portable ? (vi ? ' (di động, trên USB)' : ' (portable, on the USB stick)') : ''}`,
      ];
    });
  },
};
