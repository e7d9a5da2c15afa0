/**
 * A network printer queried directly over IPP (Get-Printer-Attributes): state, state reasons,
 * supplies, make and model. Works with IPP Everywhere/AirPrint printers and with CUPS queues.
 */
import { failed, ok } from '../checks.js';
import type { ProbeResult } from '../types.js';
import { attr, encodeRequest, IppGroupTag, IppOp, type IppValue } from './ipp/codec.js';
import { ippRequest, type IppTarget } from './ipp/transport.js';
import { faultsFromReasons, fault } from './faults.js';
import { splitSupplies, withLevelFaults } from './supply-level.js';
import { parseSupplies } from './supplies.js';
import type { PrinterInfo, PrinterState } from './types.js';

/** Attributes asked of a printer. */
export const PRINTER_ATTRIBUTES = [
  'printer-name',
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-make-and-model',
  'printer-is-accepting-jobs',
  'printer-supply',
  'printer-supply-description',
  'marker-names',
  'marker-levels',
  'marker-types',
  'device-uri',
  'printer-is-shared',
  'queued-job-count',
  'printer-uri-supported',
] as const;

/** IPP printer-state enum (RFC 8011 §5.4.11) → our state. */
export function stateOf(value: IppValue | undefined, reasons: readonly string[]): PrinterState {
  if (reasons.some((r) => /^(offline|shutdown)/.test(r))) return 'offline';
  switch (value) {
    case 3:
      return 'idle';
    case 4:
      return 'printing';
    case 5:
      return 'stopped';
    default:
      return 'unknown';
  }
}

const first = (
  a: Readonly<Record<string, readonly IppValue[]>>,
  key: string,
): IppValue | undefined => a[key]?.[0];

/** Builds a {@link PrinterInfo} from one printer's attribute group. */
export function printerFromAttributes(
  attributes: Readonly<Record<string, readonly IppValue[]>>,
  source: PrinterInfo['source'],
  fallbackName: string,
): PrinterInfo {
  const reasons = (attributes['printer-state-reasons'] ?? [])
    .map(String)
    .filter((r) => r !== 'none');
  const state = stateOf(first(attributes, 'printer-state'), reasons);
  const { supplies, waste } = splitSupplies(parseSupplies(attributes));
  const faults = withLevelFaults(faultsFromReasons(reasons), supplies);
  if (state === 'stopped' && !faults.some((f) => f.code === 'paused')) faults.push(fault('paused'));
  const accepting = first(attributes, 'printer-is-accepting-jobs');
  if (accepting === false) faults.push(fault('not-accepting'));
  const optional = (key: string): string | undefined => {
    const value = first(attributes, key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const message = optional('printer-state-message');
  const makeModel = optional('printer-make-and-model');
  const port = optional('device-uri');
  const shared = first(attributes, 'printer-is-shared');
  return {
    name: optional('printer-name') ?? fallbackName,
    source,
    state,
    stateReasons: reasons,
    ...(message === undefined ? {} : { stateMessage: message }),
    ...(makeModel === undefined ? {} : { makeModel }),
    ...(port === undefined ? {} : { port }),
    ...(typeof shared === 'boolean' ? { shared } : {}),
    ...(typeof accepting === 'boolean' ? { acceptingJobs: accepting } : {}),
    jobs: [],
    supplies,
    ...(waste.length === 0 ? {} : { wasteContainers: waste }),
    faults,
  };
}

/**
 * The IPP URI for a printer typed as `HOST:PORT` (`192.168.1.20:631`, `[fd00::5]:8631`): IPP on
 * that port, path `/ipp/print`. `undefined` for a bare host or anything else.
 */
export function ippUriOfHostPort(text: string): string | undefined {
  const match = /^(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text.trim());
  if (match === null) return undefined;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? `ipp://${match[1] ?? ''}:${port}/ipp/print` : undefined;
}

/** Queries a printer at `uri` (e.g. `ipp://192.168.1.20/ipp/print`); never throws. */
export async function queryIppPrinter(
  target: IppTarget,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<ProbeResult<PrinterInfo>> {
  const body = encodeRequest(IppOp.getPrinterAttributes, 1, [
    attr.uri('printer-uri', target.uri),
    attr.keyword('requested-attributes', ...PRINTER_ATTRIBUTES),
  ]);
  try {
    const response = await ippRequest(target, body, options);
    if (response.statusCode >= 0x0100)
      return failed(`IPP status 0x${response.statusCode.toString(16)}`);
    const group = response.groups.find((g) => g.tag === IppGroupTag.printer);
    if (group === undefined) return failed('IPP answer without printer attributes');
    return ok({
      ...printerFromAttributes(group.attributes, 'ipp', target.uri),
      port: target.uri,
      networkHost: new URL(target.uri.replace(/^ipp:/, 'http:')).hostname,
    });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
