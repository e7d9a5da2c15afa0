import path from 'node:path';

import { CommandAbortedError, CommandNotFoundError } from '../../../diagnostics/errors.js';
import type { HostContext, PowerShellRunner } from '../../../diagnostics/types.js';
import { takeCapture, type Capture } from '../../../diagnostics/windows/capture.js';
import { createPowerShellRunner } from '../../../diagnostics/windows/powershell.js';
import type { RedactionSeed } from '../../../diagnostics/windows/redact.js';
import { scriptFiles } from '../../../diagnostics/windows/script-files.js';
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { atomicWriteFile } from '../storage/atomic-json.js';
import type { captureContract, CaptureSaved } from './contract.js';

/** What a test (or a door) may give the capture handlers. */
export type CaptureDeps = Readonly<{
  /** The runner for `program` (a `--powershell` path), or for Windows PowerShell 5.1 when undefined. */
  powershell?: (program: string | undefined) => PowerShellRunner;
  /** Host and user names of this machine, redacted wherever they appear. Default: from the service's host. */
  seeds?: () => readonly RedactionSeed[];
}>;

/** The names this machine is known by, before any script runs (from the service's host). */
export function machineSeeds(host: HostContext): RedactionSeed[] {
  const env = host.env;
  const home = host.os.homedir();
  const seeds: [RedactionSeed['kind'], string | undefined][] = [
    ['host', host.os.hostname()],
    ['host', env['COMPUTERNAME']],
    ['user', path.win32.basename(home) || path.posix.basename(home)],
    ['user', env['USERNAME'] ?? env['USER']],
    ['domain', env['USERDNSDOMAIN']],
    ['host', env['USERDOMAIN']],
  ];
  return seeds.flatMap(([kind, value]) =>
    value === undefined || value.trim() === '' ? [] : [{ kind, value }],
  );
}

/** Said by the app's doors: a person there can only move to a Windows PC. */
const NOT_WINDOWS = {
  vi: 'Ghi dữ liệu hiện trường chỉ chạy trên máy Windows: hãy mở Xã Số trên máy tính của cơ quan rồi bấm lại.',
  en: "A field capture runs on Windows only: open Xã Số on the office's Windows PC and press it there.",
};

/** Said by the command line, where a developer may name another PowerShell. */
const NOT_WINDOWS_CLI = {
  vi: 'Ghi dữ liệu hiện trường chỉ chạy trên Windows (Windows PowerShell 5.1). Nhà phát triển: thêm --powershell ĐƯỜNG_DẪN để dùng một PowerShell khác (vd. pwsh).',
  en: 'A field capture runs on Windows only (Windows PowerShell 5.1). Developers: add --powershell PATH to use another PowerShell (e.g. pwsh).',
};

const CLI_ONLY = {
  vi: 'Chỉ dòng lệnh mới được chọn tệp ghi hay chương trình PowerShell.',
  en: 'Only the command line may choose the output file or the PowerShell program.',
};

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function summary(file: string, bytes: number, capture: Capture): CaptureSaved {
  return {
    path: file,
    bytes,
    takenAt: capture.takenAt,
    durationMs: capture.durationMs,
    host: capture.host,
    scripts: capture.scripts.map((s) => ({
      id: s.id,
      exitCode: s.exitCode,
      durationMs: s.durationMs,
      timedOut: s.timedOut === true,
    })),
    redactions: capture.redactions,
  };
}

function failureOf(error: unknown, program: string): ServiceError | undefined {
  if (error instanceof CommandAbortedError)
    return new ServiceError('cancelled', {
      vi: 'Đã huỷ ghi dữ liệu hiện trường.',
      en: 'Field capture cancelled.',
    });
  if (error instanceof CommandNotFoundError) {
    return new ServiceError(
      'unavailable',
      {
        vi: `Không chạy được PowerShell (${program}).`,
        en: `Could not start PowerShell (${program}).`,
      },
      { cause: error },
    );
  }
  return undefined;
}

/** Handlers of the `capture:*` channels. */
export function captureHandlers(
  env: ServiceEnv,
  deps: CaptureDeps = {},
): Handlers<typeof captureContract> {
  const trusted = env.door === 'cli' || env.door === 'test';
  const runnerFor =
    deps.powershell ??
    ((program: string | undefined) =>
      program === undefined
        ? env.host.powershell
        : createPowerShellRunner(env.host.run, env.host.env, program));
  return {
    'capture:run': async (request, { progress, signal }) => {
      if (!trusted && (request.out !== undefined || request.powershell !== undefined))
        throw new ServiceError('invalid-request', CLI_ONLY);
      if (env.platform !== 'win32' && request.powershell === undefined)
        throw new ServiceError('unavailable', trusted ? NOT_WINDOWS_CLI : NOT_WINDOWS);
      const file = path.resolve(
        request.out ?? path.join(env.dataDir, 'captures', `capture-${stamp(env.now())}.json`),
      );
      let capture: Capture;
      try {
        capture = await takeCapture(
          { powershell: runnerFor(request.powershell), now: () => env.now().getTime() },
          {
            appVersion: env.version,
            signal,
            seeds: deps.seeds === undefined ? machineSeeds(env.host) : deps.seeds(),
            onProgress: (e) => {
              const label =
                e.event === 'script-started'
                  ? { vi: `Đang chạy: ${e.title.vi}`, en: `Running: ${e.title.en}` }
                  : { vi: `Xong: ${e.title.vi}`, en: `Done: ${e.title.en}` };
              progress({
                percent: Math.round(
                  ((e.index - (e.event === 'script-started' ? 1 : 0)) / e.total) * 100,
                ),
                label,
                event: e.event,
                data: e,
              });
            },
          },
        );
      } catch (error) {
        throw failureOf(error, request.powershell ?? 'Windows PowerShell 5.1') ?? error;
      }
      const text = `${JSON.stringify(capture, null, 2)}\n`;
      await atomicWriteFile(file, text);
      return summary(file, Buffer.byteLength(text), capture);
    },
    'capture:scripts': async (request) => {
      if (!trusted) throw new ServiceError('invalid-request', CLI_ONLY);
      const dir = path.resolve(request.dir);
      const files = scriptFiles();
      for (const f of files) await atomicWriteFile(path.join(dir, f.name), f.text);
      return { dir, files: files.map((f) => f.name) };
    },
  };
}
