/**
 * Probe `printers.installed` for the PC sweep: every installed printer (CUPS or Windows), asked
 * directly when it is on the network, with its faults explained. No printer is a warning, not
 * an "unknown": the list could be read.
 */
import { check, t, unknownFrom, worst } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { printerBackend } from './backend.js';
import { fault, isSpoolerStopped } from './faults.js';
import { enrichPrinter } from './status.js';
import type { PrinterInfo } from './types.js';

const meta = {
  id: 'printers.installed',
  area: 'printers',
  title: t('Máy in', 'Printers'),
} as const;

/** One check for one printer. */
export function printerCheck(p: PrinterInfo): CheckResult {
  const status = p.faults.length === 0 ? 'ok' : worst(p.faults.map((f) => f.severity));
  const faults = p.faults.map((f) => f.text);
  const jobs =
    p.jobs.length > 0
      ? t(` ${p.jobs.length} lệnh in đang chờ.`, ` ${p.jobs.length} job(s) waiting.`)
      : t('', '');
  const first = p.faults[0];
  return check({
    id: `printers.printer.${p.name}`,
    area: 'printers',
    status,
    title: t(`Máy in "${p.name}"`, `Printer "${p.name}"`),
    detail:
      faults.length === 0
        ? t(`Sẵn sàng (${p.state}).${jobs.vi}`, `Ready (${p.state}).${jobs.en}`)
        : t(
            `${faults.map((f) => f.vi).join(' ')}${jobs.vi}`,
            `${faults.map((f) => f.en).join(' ')}${jobs.en}`,
          ),
    values: {
      state: p.state,
      reasons: p.stateReasons,
      port: p.port,
      driver: p.driver,
      isDefault: p.isDefault,
      jobs: p.jobs.length,
      supplies: p.supplies,
    },
    ...(first === undefined ? {} : { fix: { text: first.fix } }),
  });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const list = await printerBackend(ctx).list(signal);
  if (list.status !== 'ok') {
    if (!isSpoolerStopped(list.reason)) return [unknownFrom(meta, list)];
    const stopped = fault('spooler-stopped');
    return [
      check({
        ...meta,
        status: 'fail',
        detail: stopped.text,
        values: { reason: list.reason },
        fix: { text: stopped.fix },
      }),
    ];
  }
  if (list.data.length === 0) {
    return [
      check({
        ...meta,
        status: 'warn',
        detail: t('Máy này chưa cài máy in nào.', 'No printer is installed on this PC.'),
        fix: {
          text: t(
            'Cài máy in của văn phòng (quét mạng LAN để tìm máy in).',
            'Install the office printer (scan the LAN to find it).',
          ),
        },
      }),
    ];
  }
  const printers = await Promise.all(list.data.map((p) => enrichPrinter(p, { signal })));
  return printers.map(printerCheck);
}

/** The probe. */
export const printersProbe: Probe = { ...meta, timeoutMs: 30_000, run };
