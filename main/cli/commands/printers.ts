import type { PrinterInfo } from '../../../diagnostics/printers/types.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { formatPrinter, formatPrinters, formatRepair, formatTestPage } from './printers-format.js';

function needYes(yes: boolean, what: { vi: string; en: string }): void {
  if (!yes)
    throw new UsageError({
      vi: `${what.vi} cần xác nhận: thêm --yes`,
      en: `${what.en} needs confirmation: add --yes`,
    });
}

function needName(name: string | undefined, sub: string): string {
  if (name === undefined)
    throw new UsageError({
      vi: `Cần tên máy in: xaso printers ${sub} "TÊN"`,
      en: `Give a printer name: xaso printers ${sub} "NAME"`,
    });
  return name;
}

/**
 * What `printers status TARGET` asks: an `ipp://`/`ipps://` URI as it is; otherwise the host, which
 * the service reads as IPP on the given port (`HOST:PORT`) or on 631 then SNMP (`HOST`).
 */
export function statusRequest(
  target: string,
  snmpPort: number | undefined,
): { uri: string } | { host: string; snmp?: { port: number } } {
  if (/^ipps?:\/\//.test(target)) return { uri: target };
  return { host: target, ...(snmpPort === undefined ? {} : { snmp: { port: snmpPort } }) };
}

/** Exit code of `printers status`: 0 healthy, 3 needs attention (warnings only), 1 a fault. */
export function healthCode(printer: PrinterInfo): number {
  if (printer.faults.length === 0) return 0;
  return printer.faults.some((f) => f.severity === 'fail') ? 1 : 3;
}

/** `xaso printers`: list, status of a network printer, test page, clear queue, restart spooler. */
export const printersCommand: Command = {
  name: 'printers',
  summary: {
    vi: 'Máy in: danh sách, trạng thái, in thử, xoá hàng đợi',
    en: 'Printers: list, status, test page, clear queue',
  },
  usage: [
    'xaso printers [list] [--json]',
    'xaso printers status ipp://HOST/ipp/print | HOST:PORT | HOST [--snmp-port N] [--json]   (HOST: IPP, rồi SNMP nếu không có IPP)',
    '   mã thoát / exit code: 0 máy in tốt / healthy, 3 cần chú ý / needs attention, 1 có lỗi hoặc không liên lạc được / fault or unreachable',
    'xaso printers test-page "TÊN" [--json]',
    'xaso printers clear-queue "TÊN" --yes',
    'xaso printers restart-spooler --yes',
  ],
  flags: ['yes?', 'snmp-port'],
  async run(args, io) {
    const [sub = 'list', arg] = args.positionals;
    const yes = args.flags['yes'] === true;
    const opts = { signal: io.signal };
    switch (sub) {
      case 'list':
        return printResult(io, await io.service.invoke('printers:list', {}, opts), (v) =>
          formatPrinters(v, io.lang),
        );
      case 'status': {
        const target = needName(arg, 'status');
        const snmpPort = args.flags['snmp-port'];
        const port = typeof snmpPort === 'string' ? Number(snmpPort) : undefined;
        if (
          snmpPort === true ||
          (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
        )
          throw new UsageError({
            vi: '--snmp-port là số cổng UDP',
            en: '--snmp-port is a UDP port number',
          });
        const result = await io.service.invoke(
          'printers:status',
          statusRequest(target, port),
          opts,
        );
        const code = printResult(io, result, (v) => formatPrinter(v, io.lang));
        return result.ok ? healthCode(result.value) : code;
      }
      case 'test-page':
        return printResult(
          io,
          await io.service.invoke('printers:test-page', { name: needName(arg, 'test-page') }, opts),
          (v) => formatTestPage(v, io.lang),
        );
      case 'clear-queue': {
        const name = needName(arg, 'clear-queue');
        needYes(yes, { vi: 'Xoá hàng đợi', en: 'Clearing the queue' });
        return printResult(
          io,
          await io.service.invoke('printers:clear-queue', { name, confirm: true }, opts),
          (v) => formatRepair(v, io.lang),
        );
      }
      case 'restart-spooler':
        needYes(yes, { vi: 'Khởi động lại dịch vụ in', en: 'Restarting the spooler' });
        return printResult(
          io,
          await io.service.invoke('printers:restart-spooler', { confirm: true }, opts),
          (v) => formatRepair(v, io.lang),
        );
      default:
        throw new UsageError({
          vi: `Không có lệnh con "${sub}" (list, status, test-page, clear-queue, restart-spooler)`,
          en: `No subcommand "${sub}" (list, status, test-page, clear-queue, restart-spooler)`,
        });
    }
  },
};
