/**
 * A network printer read over SNMP (Printer-MIB RFC 3805 + HOST-RESOURCES-MIB RFC 2790), for
 * printers without IPP: status, detected error bits, supply levels, model. Community `public`.
 */
import { failed, ok } from '../checks.js';
import type { ProbeResult } from '../types.js';
import { fault, type FaultCode } from './faults.js';
import { snmpGet, snmpWalk, type SnmpTarget, type SnmpValue } from './snmp/client.js';
import { splitSupplies, withLevelFaults } from './supply-level.js';
import type { PrinterInfo, PrinterState, Supply } from './types.js';

const HR_PRINTER_STATUS = '1.3.6.1.2.1.25.3.5.1.1.1';
const HR_ERROR_STATE = '1.3.6.1.2.1.25.3.5.1.2.1';
const HR_DEVICE_DESCR = '1.3.6.1.2.1.25.3.2.1.3.1';
const SUPPLY_DESCR = '1.3.6.1.2.1.43.11.1.1.6.1';
const SUPPLY_MAX = '1.3.6.1.2.1.43.11.1.1.8.1';
const SUPPLY_LEVEL = '1.3.6.1.2.1.43.11.1.1.9.1';

/** hrPrinterDetectedErrorState bits (bit 0 = MSB of the first octet) → faults. */
const ERROR_BITS: readonly (readonly [number, FaultCode])[] = [
  [1, 'media-empty'],
  [2, 'toner-low'],
  [3, 'toner-empty'],
  [4, 'door-open'],
  [5, 'media-jam'],
  [6, 'offline'],
  [12, 'output-full'],
  [13, 'media-empty'],
];
const BIT_NAMES = [
  'lowPaper',
  'noPaper',
  'lowToner',
  'noToner',
  'doorOpen',
  'jammed',
  'offline',
  'serviceRequested',
  'inputTrayMissing',
  'outputTrayMissing',
  'markerSupplyMissing',
  'outputNearFull',
  'outputFull',
  'inputTrayEmpty',
  'overduePreventMaint',
];

/** The set bits of hrPrinterDetectedErrorState, by name. */
export function errorBits(value: Buffer): string[] {
  const names: string[] = [];
  BIT_NAMES.forEach((name, bit) => {
    const byte = value[Math.floor(bit / 8)] ?? 0;
    if (byte & (0x80 >> (bit % 8))) names.push(name);
  });
  return names;
}

function stateOf(status: SnmpValue, bits: readonly string[]): PrinterState {
  if (bits.includes('offline')) return 'offline';
  if (status === 4) return 'printing';
  if (status === 3 || status === 5)
    return bits.some((b) => ['noPaper', 'noToner', 'doorOpen', 'jammed'].includes(b))
      ? 'error'
      : 'idle';
  return 'unknown';
}

function supplies(
  descr: readonly { oid: string; value: SnmpValue }[],
  max: Map<string, SnmpValue>,
  level: Map<string, SnmpValue>,
): Supply[] {
  return descr.map((row) => {
    const index = row.oid.split('.').at(-1) ?? '';
    const m = Number(max.get(index) ?? -1);
    const l = Number(level.get(index) ?? -1);
    const name = Buffer.isBuffer(row.value) ? row.value.toString('utf8') : String(row.value);
    const percent = l < 0 ? -1 : m > 0 ? Math.round((l / m) * 100) : -1;
    return {
      name,
      type: /waste|thải/i.test(name)
        ? 'wasteToner'
        : /toner|mực/i.test(name)
          ? 'toner'
          : /ink/i.test(name)
            ? 'ink'
            : 'unknown',
      levelPercent: percent,
    };
  });
}

/** Queries `target` over SNMP; never throws. */
export async function querySnmpPrinter(target: SnmpTarget): Promise<ProbeResult<PrinterInfo>> {
  try {
    const [status, error, descr] = await snmpGet(target, [
      HR_PRINTER_STATUS,
      HR_ERROR_STATE,
      HR_DEVICE_DESCR,
    ]);
    const bits = Buffer.isBuffer(error?.value) ? errorBits(error.value) : [];
    const byIndex = async (root: string): Promise<Map<string, SnmpValue>> =>
      new Map((await snmpWalk(target, root)).map((r) => [r.oid.split('.').at(-1) ?? '', r.value]));
    const rows = await snmpWalk(target, SUPPLY_DESCR);
    const { supplies: list, waste } = splitSupplies(
      supplies(rows, await byIndex(SUPPLY_MAX), await byIndex(SUPPLY_LEVEL)),
    );
    const codes = new Set<FaultCode>(
      ERROR_BITS.filter(([bit]) => bits.includes(BIT_NAMES[bit] ?? '')).map(([, code]) => code),
    );
    const model = Buffer.isBuffer(descr?.value) ? descr.value.toString('utf8') : undefined;
    return ok({
      name: model ?? target.host,
      source: 'snmp',
      state: stateOf(status?.value, bits),
      stateReasons: bits,
      ...(model === undefined ? {} : { makeModel: model }),
      port: `snmp://${target.host}${target.port === undefined ? '' : `:${target.port}`}`,
      networkHost: target.host,
      jobs: [],
      supplies: list,
      ...(waste.length === 0 ? {} : { wasteContainers: waste }),
      faults: withLevelFaults([...codes].map(fault), list),
    });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
