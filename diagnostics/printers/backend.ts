/**
 * One printer interface for every OS: list, test page (followed to the end), clear a queue,
 * restart the spooler. CUPS: IPP to the scheduler plus `lp`/`cancel` through `runCommand`
 * (LC_ALL=C). Windows: PowerShell JSON and `Win32_Printer.PrintTestPage`.
 * (`node-printer` was evaluated and rejected: see README, section network.)
 */
import { assertNever } from '../assert-never.js';
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { runPowerShellJson } from '../windows/powershell.js';
import { cupsJobs, cupsJobState, cupsTarget, listCupsPrinters } from './cups.js';
import { SPOOLER_STOPPED } from './faults.js';
import type { IppTarget } from './ipp/transport.js';
import type { PrinterInfo, RepairReport, TestPageResult } from './types.js';
import { followWindowsJobs } from './windows-follow.js';
import {
  parseWindowsPrinters,
  windowsClearQueueScript,
  windowsPrintersScript,
  windowsRestartSpoolerScript,
  windowsTestPageScript,
} from './windows-printers.js';

/** What a backend can do. Every method returns a result; none throws for an expected failure. */
export type PrinterBackend = Readonly<{
  list: (signal?: AbortSignal) => Promise<ProbeResult<PrinterInfo[]>>;
  printTestPage: (
    name: string,
    options?: Readonly<{ timeoutMs?: number; signal?: AbortSignal }>,
  ) => Promise<TestPageResult>;
  clearQueue: (name: string, signal?: AbortSignal) => Promise<RepairReport>;
  restartSpooler: (signal?: AbortSignal) => Promise<RepairReport>;
}>;

/** Options: where CUPS is, and the file printed as the test page on CUPS. */
export type BackendOptions = Readonly<{ cups?: IppTarget; testPageFile?: string }>;

const DONE_STATES = new Set(['completed', 'canceled', 'aborted']);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function cupsTestPage(
  ctx: ProbeContext,
  server: IppTarget,
  file: string,
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TestPageResult> {
  const started = ctx.now();
  const sig = signal === undefined ? {} : { signal };
  const output = await ctx
    .run('lp', ['-d', name, '-t', 'Xa So - trang in thu (test page)', file], {
      timeoutMs: 15_000,
      ...sig,
    })
    .catch((e: unknown) => ({ exitCode: -1, stdout: '', stderr: message(e), truncated: false }));
  const id = /request id is \S+-(\d+)/.exec(output.stdout)?.[1];
  if (output.exitCode !== 0 || id === undefined) {
    const why = output.stderr.trim() || output.stdout.trim();
    return {
      printer: name,
      outcome: 'failed',
      durationMs: ctx.now() - started,
      detail: {
        vi: `Không gửi được lệnh in thử: ${why}`,
        en: `Could not send the test page: ${why}`,
      },
    };
  }
  const jobId = Number(id);
  let state = 'pending';
  while (ctx.now() - started < timeoutMs && signal?.aborted !== true) {
    state = await cupsJobState(server, name, jobId, signal).catch(() => state);
    if (DONE_STATES.has(state)) break;
    await sleep(250);
  }
  const durationMs = ctx.now() - started;
  if (state === 'completed')
    return {
      printer: name,
      jobId,
      outcome: 'completed',
      finalState: state,
      durationMs,
      detail: {
        vi: `Trang in thử (lệnh ${jobId}) đã in xong.`,
        en: `Test page (job ${jobId}) printed.`,
      },
    };
  if (DONE_STATES.has(state))
    return {
      printer: name,
      jobId,
      outcome: 'failed',
      finalState: state,
      durationMs,
      detail: {
        vi: `Lệnh in thử ${jobId} bị huỷ/hỏng (${state}).`,
        en: `Test page job ${jobId} ended as ${state}.`,
      },
    };
  return {
    printer: name,
    jobId,
    outcome: 'timeout',
    finalState: state,
    durationMs,
    detail: {
      vi: `Lệnh in thử ${jobId} chưa xong sau ${Math.round(timeoutMs / 1000)} giây (trạng thái: ${state}).`,
      en: `Test page job ${jobId} not done after ${Math.round(timeoutMs / 1000)} s (state: ${state}).`,
    },
  };
}

function cupsBackend(ctx: ProbeContext, options: BackendOptions): PrinterBackend {
  let target: Promise<IppTarget> | undefined;
  const server = (): Promise<IppTarget> =>
    (target ??= options.cups === undefined ? cupsTarget(ctx.fs) : Promise.resolve(options.cups));
  const file = options.testPageFile ?? '/usr/share/cups/data/testprint';
  return {
    list: async (signal) => listCupsPrinters(await server(), signal),
    printTestPage: async (name, o = {}) =>
      cupsTestPage(ctx, await server(), file, name, o.timeoutMs ?? 60_000, o.signal),
    async clearQueue(name, signal) {
      const before = (await cupsJobs(await server(), name, signal).catch(() => [])).length;
      const out = await ctx
        .run('cancel', ['-a', name], { timeoutMs: 15_000 })
        .catch((e: unknown) => ({ exitCode: -1, stderr: message(e) }));
      const after = (await cupsJobs(await server(), name, signal).catch(() => [])).length;
      const done = out.exitCode === 0;
      return {
        jobsBefore: before,
        jobsAfter: after,
        actions: [
          {
            what: {
              vi: `Huỷ mọi lệnh in của "${name}" (cancel -a)`,
              en: `Cancel every job of "${name}" (cancel -a)`,
            },
            ok: done,
            ...(done ? {} : { detail: out.stderr.trim() }),
          },
        ],
      };
    },
    async restartSpooler() {
      const out = await ctx
        .run('systemctl', ['restart', 'cups'], { timeoutMs: 30_000 })
        .catch((e: unknown) => ({ exitCode: -1, stderr: message(e) }));
      const done = out.exitCode === 0;
      return {
        actions: [
          {
            what: {
              vi: 'Khởi động lại dịch vụ in CUPS (systemctl restart cups)',
              en: 'Restart the CUPS service (systemctl restart cups)',
            },
            ok: done,
            ...(done ? {} : { detail: out.stderr.trim() }),
          },
        ],
      };
    },
  };
}

function windowsBackend(ctx: ProbeContext): PrinterBackend {
  const ps = (script: string, timeoutMs: number, signal?: AbortSignal) =>
    runPowerShellJson(ctx, script, { timeoutMs, ...(signal === undefined ? {} : { signal }) });
  return {
    async list(signal) {
      const result = await ps(windowsPrintersScript, 20_000, signal);
      if (result.status !== 'ok') return result;
      const parsed = parseWindowsPrinters(result.data);
      if (parsed.error !== undefined)
        return failed(
          parsed.spooler === 'Running'
            ? parsed.error
            : `${SPOOLER_STOPPED}the print spooler is ${parsed.spooler}: ${parsed.error}`,
        );
      return ok(parsed.printers);
    },
    async printTestPage(name, o = {}) {
      const started = ctx.now();
      const result = await ps(windowsTestPageScript(name), 20_000, o.signal);
      const code =
        result.status === 'ok'
          ? Number((result.data as { ReturnValue?: unknown }).ReturnValue)
          : NaN;
      if (code !== 0) {
        const why =
          result.status === 'ok'
            ? code === 5
              ? 'access denied (5)'
              : code === -1
                ? 'no such printer'
                : `ReturnValue ${code}`
            : result.reason;
        return {
          printer: name,
          outcome: 'failed',
          durationMs: ctx.now() - started,
          detail: {
            vi: `Windows không in được trang thử: ${why}`,
            en: `Windows could not print the test page: ${why}`,
          },
        };
      }
      return followWindowsJobs(ctx, name, started, o.timeoutMs ?? 60_000, o.signal);
    },
    async clearQueue(name, signal) {
      const result = await ps(windowsClearQueueScript(name), 30_000, signal);
      const data =
        result.status === 'ok' ? (result.data as { Before?: number; After?: number }) : {};
      const done = result.status === 'ok' && data.After === 0;
      return {
        ...(data.Before === undefined ? {} : { jobsBefore: data.Before }),
        ...(data.After === undefined ? {} : { jobsAfter: data.After }),
        actions: [
          {
            what: {
              vi: `Xoá mọi lệnh in của "${name}" (Remove-PrintJob)`,
              en: `Remove every job of "${name}" (Remove-PrintJob)`,
            },
            ok: done,
            ...(result.status === 'ok' ? {} : { detail: result.reason }),
          },
        ],
      };
    },
    async restartSpooler(signal) {
      const result = await ps(windowsRestartSpoolerScript, 60_000, signal);
      const data =
        result.status === 'ok' ? (result.data as { Status?: string; Error?: string | null }) : {};
      const done =
        result.status === 'ok' && data.Status === 'Running' && (data.Error ?? null) === null;
      const detail =
        result.status === 'ok'
          ? `Spooler: ${data.Status ?? '?'}${data.Error ? ` — ${data.Error}` : ''}`
          : result.reason;
      return {
        actions: [
          {
            what: {
              vi: 'Khởi động lại dịch vụ Print Spooler (Restart-Service Spooler)',
              en: 'Restart the Print Spooler service (Restart-Service Spooler)',
            },
            ok: done,
            detail,
          },
        ],
      };
    },
  };
}

/** The backend for `ctx.platform`. */
export function printerBackend(ctx: ProbeContext, options: BackendOptions = {}): PrinterBackend {
  switch (ctx.platform) {
    case 'win32':
      return windowsBackend(ctx);
    case 'linux':
    case 'darwin':
      return cupsBackend(ctx, options);
    default:
      return assertNever(ctx.platform);
  }
}
