/**
 * CUPS (Linux, macOS) through IPP to the local scheduler: CUPS-Get-Printers, CUPS-Get-Default,
 * Get-Jobs — structured answers, no localized `lpstat` text. The scheduler is reached on its
 * Unix socket (`/run/cups/cups.sock`, also inside network namespaces) or localhost:631.
 */
import { failed, ok } from '../checks.js';
import type { HostFs, ProbeResult } from '../types.js';
import { attr, encodeRequest, IppGroupTag, IppOp, type IppResponse } from './ipp/codec.js';
import { ippRequest, type IppTarget } from './ipp/transport.js';
import { PRINTER_ATTRIBUTES, printerFromAttributes } from './ipp-printer.js';
import { fault, SPOOLER_STOPPED } from './faults.js';
import type { PrintJob, PrinterInfo } from './types.js';

/** The local CUPS scheduler: its socket when present, else localhost:631. */
export async function cupsTarget(
  fs: HostFs,
  socketPath = '/run/cups/cups.sock',
): Promise<IppTarget> {
  const present = await fs.access(socketPath).then(
    () => true,
    () => false,
  );
  return present ? { uri: 'ipp://localhost/', socketPath } : { uri: 'ipp://localhost:631/' };
}

/** The printer URI CUPS uses for queue `name`. */
export function cupsPrinterUri(name: string): string {
  return `ipp://localhost/printers/${encodeURIComponent(name)}`;
}

const JOB_STATES: Readonly<Record<number, string>> = {
  3: 'pending',
  4: 'held',
  5: 'processing',
  6: 'stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

/** IPP job-state enum → name. */
export function jobStateName(value: unknown): string {
  return typeof value === 'number' ? (JOB_STATES[value] ?? `state-${value}`) : 'unknown';
}

async function call(
  server: IppTarget,
  op: number,
  attrs: Parameters<typeof encodeRequest>[2],
  signal?: AbortSignal,
): Promise<IppResponse> {
  const response = await ippRequest(server, encodeRequest(op, 1, attrs), {
    timeoutMs: 8000,
    ...(signal === undefined ? {} : { signal }),
  });
  if (response.statusCode >= 0x0100 && response.statusCode !== 0x0406) {
    throw new Error(`CUPS answered IPP status 0x${response.statusCode.toString(16)}`);
  }
  return response;
}

/** The jobs not yet completed on queue `name`. */
export async function cupsJobs(
  server: IppTarget,
  name: string,
  signal?: AbortSignal,
): Promise<PrintJob[]> {
  const response = await call(
    server,
    IppOp.getJobs,
    [
      attr.uri('printer-uri', cupsPrinterUri(name)),
      attr.keyword('which-jobs', 'not-completed'),
      attr.keyword(
        'requested-attributes',
        'job-id',
        'job-name',
        'job-state',
        'job-originating-user-name',
        'time-at-creation',
      ),
    ],
    signal,
  );
  return response.groups
    .filter((g) => g.tag === IppGroupTag.job)
    .map((g) => {
      const a = g.attributes;
      const created = a['time-at-creation']?.[0];
      return {
        id: Number(a['job-id']?.[0] ?? 0),
        ...(a['job-name']?.[0] === undefined ? {} : { name: String(a['job-name'][0]) }),
        ...(a['job-originating-user-name']?.[0] === undefined
          ? {}
          : { user: String(a['job-originating-user-name'][0]) }),
        state: jobStateName(a['job-state']?.[0]),
        ...(typeof created === 'number'
          ? { submittedAt: new Date(created * 1000).toISOString() }
          : {}),
      };
    });
}

/** The state of job `id` of queue `name`. */
export async function cupsJobState(
  server: IppTarget,
  name: string,
  id: number,
  signal?: AbortSignal,
): Promise<string> {
  const response = await call(
    server,
    IppOp.getJobAttributes,
    [
      attr.uri('printer-uri', cupsPrinterUri(name)),
      attr.integer('job-id', id),
      attr.keyword('requested-attributes', 'job-state'),
    ],
    signal,
  );
  const job = response.groups.find((g) => g.tag === IppGroupTag.job);
  return jobStateName(job?.attributes['job-state']?.[0]);
}

/** The host of a network device URI (`ipp://h:631/…`, `socket://h:9100`, `lpd://h/q`). */
export function networkHostOf(
  deviceUri: string | undefined,
): { host: string; port: number } | undefined {
  const match = /^(ipps?|socket|lpd|https?):\/\/([^/:?]+|\[[^\]]+\])(?::(\d+))?/.exec(
    deviceUri ?? '',
  );
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const defaults: Readonly<Record<string, number>> = {
    ipp: 631,
    ipps: 631,
    socket: 9100,
    lpd: 515,
    http: 80,
    https: 443,
  };
  return {
    host: match[2].replace(/^\[|\]$/g, ''),
    port: match[3] === undefined ? (defaults[match[1]] ?? 631) : Number(match[3]),
  };
}

/** Every CUPS queue with its state, reasons, default flag and unfinished jobs. Never throws. */
export async function listCupsPrinters(
  server: IppTarget,
  signal?: AbortSignal,
): Promise<ProbeResult<PrinterInfo[]>> {
  try {
    const response = await call(
      server,
      IppOp.cupsGetPrinters,
      [attr.keyword('requested-attributes', ...PRINTER_ATTRIBUTES)],
      signal,
    );
    const defaults = await call(
      server,
      IppOp.cupsGetDefault,
      [attr.keyword('requested-attributes', 'printer-name')],
      signal,
    ).catch(() => undefined);
    const defaultName = defaults?.groups.find((g) => g.tag === IppGroupTag.printer)?.attributes[
      'printer-name'
    ]?.[0];
    const printers: PrinterInfo[] = [];
    for (const group of response.groups.filter((g) => g.tag === IppGroupTag.printer)) {
      const base = printerFromAttributes(group.attributes, 'cups', 'printer');
      const jobs = await cupsJobs(server, base.name, signal);
      const host = networkHostOf(base.port);
      const stuck = jobs.length > 0 && (base.state === 'stopped' || base.faults.length > 0);
      printers.push({
        ...base,
        isDefault: base.name === defaultName,
        ...(host === undefined ? {} : { networkHost: host.host }),
        jobs,
        faults: stuck ? [...base.faults, fault('stuck-jobs')] : base.faults,
      });
    }
    return ok(printers);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed(
      /ENOENT|ECONNREFUSED/.test(message)
        ? `${SPOOLER_STOPPED}the CUPS scheduler is not running (${message})`
        : message,
    );
  }
}
