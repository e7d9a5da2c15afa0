/**
 * "Fake Windows" for the tests: the app's PowerShell scripts, exactly as shipped, run in real
 * PowerShell 7 (`pwsh`) with tests/fakes/windows/FakeWindows.psm1 standing in for the Windows
 * cmdlets (CIM, registry, Cert:, NetAdapter, Storage, PrintManagement…) and answering from one
 * machine's data (tests/fixtures/windows/<machine>/machine.json; see its SOURCE.md).
 *
 * The runner starts pwsh with the argv the app gives Windows PowerShell (`powershellArgs`), through
 * the real `runCommand` (timeouts, abort and streaming are real). The program text is a short
 * prelude (import the fake module; optionally switch to Constrained Language Mode — functions of
 * a module imported before the switch stay FullLanguage, like trusted system modules on a locked
 * PC) followed by the script text unchanged.
 *
 * pwsh: `XASO_PWSH`, else ~/.dotnet/tools/pwsh (scripts/install-peers.sh installs it), else PATH.
 * Without pwsh the Windows tests skip locally and FAIL in CI (`CI=true`): see {@link describeWindows}.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { CommandNotFoundError } from '../../diagnostics/errors.js';
import { runCommand } from '../../diagnostics/run-command.js';
import type { PowerShellRunner, ProbeContext, RunCommand } from '../../diagnostics/types.js';
import { POWERSHELL_MAX_BYTES, powershellArgs } from '../../diagnostics/windows/powershell.js';
import { fakeFs, fakeOs } from '../fakes/fake-host.js';
import { as51Dialect } from './ps51-dialect.js';
import { PWSH_FOUND, RUN_WINDOWS_TESTS } from './pwsh.js';

export type FakeFault = Readonly<{
  cmdlet: string;
  kind:
    | 'throw'
    | 'error'
    | 'warning'
    | 'verbose'
    | 'progress'
    | 'information'
    | 'host'
    | 'null'
    | 'single'
    | 'empty'
    | 'many'
    | 'slow';
  count?: number;
  ms?: number;
  message?: string;
}>;
export type FakeWindowsOptions = Readonly<{
  machine: string;
  faults?: readonly FakeFault[];
  languageMode?: 'FullLanguage' | 'ConstrainedLanguage';
  /**
   * `5.1`: stdout rewritten into Windows PowerShell 5.1's JSON dialect (tests/helpers/ps51-dialect.ts),
   * answered whole when PowerShell ends (not streamed). Default: pwsh 7's own output, streamed.
   */
  dialect?: '7' | '5.1';
}>;

const ROOT = join(import.meta.dirname, '..');
const MODULE = join(ROOT, 'fakes', 'windows', 'FakeWindows.psd1');
const MACHINES = join(ROOT, 'fixtures', 'windows');

/** Per machine: the computer name and the IANA zone pwsh runs in (so `Get-Date` agrees with `Get-TimeZone`). */
const MACHINE_ENV: Readonly<Record<string, Readonly<{ COMPUTERNAME: string; TZ: string }>>> = {
  'vi-VN-commune-pc': { COMPUTERNAME: 'UBND-KETOAN', TZ: 'Asia/Ho_Chi_Minh' },
  'en-US-laptop': { COMPUTERNAME: 'HPFIREFLY16P', TZ: 'America/Los_Angeles' },
};

/** The fake machines. */
export const MACHINE_NAMES = Object.keys(MACHINE_ENV);

/** Path of pwsh, or undefined when it is not installed (tests/helpers/pwsh.ts finds it). */
export const PWSH: string | undefined = PWSH_FOUND;
export { RUN_WINDOWS_TESTS };

/** The folder of one fake machine's data. */
export function machineFolder(machine: string): string {
  const folder = join(MACHINES, machine);
  if (!existsSync(join(folder, 'machine.json')))
    throw new Error(`no fake Windows machine "${machine}" in ${MACHINES}`);
  return folder;
}

const psQuote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The prelude before the script text: the fake module, then (maybe) Constrained Language Mode. */
export function fakeWindowsPrelude(options: FakeWindowsOptions): string {
  const importModule = `Import-Module -Name ${psQuote(MODULE)} -ArgumentList ${psQuote(machineFolder(options.machine))} -DisableNameChecking;`;
  const clm =
    options.languageMode === 'ConstrainedLanguage'
      ? " $ExecutionContext.SessionState.LanguageMode='ConstrainedLanguage';"
      : '';
  return `${importModule}${clm} `;
}

/** The environment pwsh gets: %SystemRoot% (System32/SysWOW64 with the machine's PKCS#11 DLLs), %COMPUTERNAME%, TZ, faults. */
export function fakeWindowsEnv(options: FakeWindowsOptions): Record<string, string> {
  const folder = machineFolder(options.machine);
  const known = MACHINE_ENV[options.machine] ?? { COMPUTERNAME: 'FAKE-PC', TZ: 'UTC' };
  return {
    SystemRoot: join(folder, 'Windows'),
    windir: join(folder, 'Windows'),
    COMPUTERNAME: known.COMPUTERNAME,
    TZ: known.TZ,
    XASO_FAKE_FAULTS: JSON.stringify(options.faults ?? []),
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  };
}

/** A PowerShell runner that runs the script text in pwsh against the fake machine. */
export function fakeWindowsRunner(options: FakeWindowsOptions): PowerShellRunner {
  const prelude = fakeWindowsPrelude(options);
  const env = fakeWindowsEnv(options);
  return (script, runOptions) => {
    if (PWSH === undefined) {
      return Promise.reject(
        new CommandNotFoundError(
          'pwsh is not installed: run scripts/install-peers.sh (dotnet tool install --global PowerShell) or set XASO_PWSH',
        ),
      );
    }
    const run = runCommand(PWSH, powershellArgs(prelude + script), {
      timeoutMs: runOptions.timeoutMs,
      maxBytes: runOptions.maxBytes ?? POWERSHELL_MAX_BYTES,
      env,
      ...(runOptions.signal === undefined ? {} : { signal: runOptions.signal }),
      ...(runOptions.onStdout === undefined || options.dialect === '5.1'
        ? {}
        : { onStdout: runOptions.onStdout }),
    });
    if (options.dialect !== '5.1') return run;
    return run.then((output) => {
      const stdout = as51Dialect(output.stdout);
      runOptions.onStdout?.(stdout);
      return { ...output, stdout };
    });
  };
}

/** A RunCommand for a Windows machine on which no program of ours exists (ping.exe, netsh…). */
const noWindowsProgram: RunCommand = (file) =>
  Promise.reject(
    new CommandNotFoundError(
      `${file}: not found or not executable (fake Windows runs PowerShell only)`,
    ),
  );

/** A win32 probe context whose PowerShell is the fake machine. */
export function fakeWindowsContext(
  options: FakeWindowsOptions & { now?: () => number; env?: Record<string, string> },
): ProbeContext {
  const { now, env, ...fake } = options;
  const machineEnv = { ...fakeWindowsEnv(fake), ...env };
  const name = machineEnv['COMPUTERNAME'] ?? 'FAKE-PC';
  return {
    platform: 'win32',
    run: noWindowsProgram,
    powershell: fakeWindowsRunner(fake),
    now: now ?? (() => Date.now()),
    env: machineEnv,
    // Nothing of this Linux machine: its host facts are the fake Windows machine's.
    os: fakeOs({
      hostname: () => name,
      homedir: () => 'C:\\Users\\canbo',
      type: () => 'Windows_NT',
    }),
    fs: fakeFs(),
  };
}
