/**
 * Completes an installed printer's picture by asking the device itself: an IPP device URI is
 * queried directly (supplies, toner/paper reasons); a network port (socket://, Windows TCP/IP
 * port) is probed by TCP first, so a printer whose IP changed after a DHCP renewal is named.
 */
import { probeTcp } from '../scan/tcp-probe.js';
import { networkHostOf } from './cups.js';
import { fault } from './faults.js';
import { queryIppPrinter } from './ipp-printer.js';
import { querySnmpPrinter } from './snmp-printer.js';
import { withLevelFaults } from './supply-level.js';
import type { PrinterFault, PrinterInfo } from './types.js';

function mergeFaults(a: readonly PrinterFault[], b: readonly PrinterFault[]): PrinterFault[] {
  const seen = new Set(a.map((f) => f.code));
  return [...a, ...b.filter((f) => !seen.has(f.code))];
}

function ippUriFor(printer: PrinterInfo): string | undefined {
  if (printer.port?.startsWith('ipp://') === true) return printer.port;
  return undefined;
}

/** Asks the device behind `printer` (when it is on the network) and merges what it says. */
export async function enrichPrinter(
  printer: PrinterInfo,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<PrinterInfo> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const target =
    networkHostOf(printer.port) ??
    (printer.networkHost === undefined ? undefined : { host: printer.networkHost, port: 9100 });
  if (target === undefined) return printer;
  const reach = await probeTcp(target.host, target.port, timeoutMs, options.signal);
  if (reach !== 'open') {
    return { ...printer, faults: mergeFaults(printer.faults, [fault('port-unreachable')]) };
  }
  const uri =
    ippUriFor(printer) ??
    ((await probeTcp(target.host, 631, timeoutMs, options.signal)) === 'open'
      ? `ipp://${target.host}:631/ipp/print`
      : undefined);
  // No IPP: older printers still answer SNMP (Printer-MIB).
  const device =
    uri === undefined
      ? await querySnmpPrinter({ host: target.host, timeoutMs: Math.min(timeoutMs, 1000) })
      : await queryIppPrinter(
          { uri },
          { timeoutMs, ...(options.signal === undefined ? {} : { signal: options.signal }) },
        );
  if (device.status !== 'ok') return printer;
  const d = device.data;
  return {
    ...printer,
    stateReasons: [...new Set([...printer.stateReasons, ...d.stateReasons])],
    // The device's own make and model; a CUPS queue's is its driver's name ("… IPP Everywhere").
    ...(d.makeModel === undefined ? {} : { makeModel: d.makeModel }),
    ...(printer.driver === undefined && printer.makeModel !== undefined && d.makeModel !== undefined
      ? { driver: printer.makeModel }
      : {}),
    ...(d.supplies === undefined || d.supplies.length === 0 ? {} : { supplies: d.supplies }),
    ...(d.wasteContainers === undefined ? {} : { wasteContainers: d.wasteContainers }),
    faults: withLevelFaults(
      mergeFaults(
        printer.faults,
        d.faults.filter((f) => f.code !== 'paused'),
      ),
      d.supplies ?? printer.supplies ?? [],
    ),
  };
}
