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
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { CommandNotFoundError } from '../../diagnostics/errors.js';
import { runCommand } from '../../diagnostics/run-command.js';
import type { PowerShellRunner, ProbeContext, RunCommand } from '../../diagnostics/types.js';
import { POWERSHELL_MAX_BYTES, powershellArgs } from '../../diagnostics/windows/powershell.js';
import { fakeFs, fakeOs } from '../fakes/fake-host.js';

export type FakeFault = Readonly<{
  cmdlet: string;
  kind: 'throw' | 'error' | 'warning' | 'verbose' | 'progress' | 'information' | 'host' | 'null' | 'single' | 'empty' | 'many' | 'slow';
  count?: number;
  ms?: number;
  message?: string;
}>;
export type FakeWindowsOptions = Readonly<{
  machine: string;
  faults?: readonly FakeFault[];
  languageMode?: 'FullLanguage' | 'ConstrainedLanguage';
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

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findPwsh(): string | undefined {
  const override = process.env['XASO_PWSH'];
  if (override !== undefined && override !== '') return override;
  const tool = join(homedir(), '.dotnet', 'tools', 'pwsh');
  if (executable(tool)) return tool;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && executable(join(dir, 'pwsh'))) return join(dir, 'pwsh');
  }
  return undefined;
}

/** Path of pwsh, or undefined when it is not installed. */
export const PWSH: string | undefined = findPwsh();

/** True when the Windows tests must run: pwsh is there, or this is CI (where its absence fails them). */
export const RUN_WINDOWS_TESTS = PWSH !== undefined || process.env['CI'] === 'true';

/** The folder of one fake machine's data. */
export function machineFolder(machine: string): string {
  const folder = join(MACHINES, machine);
  if (!existsSync(join(folder, 'machine.json'))) throw new Error(`no fake Windows machine "${machine}" in ${MACHINES}`);
  return folder;
}

const psQuote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The prelude before the script text: the fake module, then (maybe) Constrained Language Mode. */
export function fakeWindowsPrelude(options: FakeWindowsOptions): string {
  const importModule = `Import-Module -Name ${psQuote(MODULE)} -ArgumentList ${psQuote(machineFolder(options.machine))} -DisableNameChecking;`;
  const clm = options.languageMode === 'ConstrainedLanguage' ? " $ExecutionContext.SessionState.LanguageMode='ConstrainedLanguage';" : '';
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
      return Promise.reject(new CommandNotFoundError('pwsh is not installed: run scripts/install-peers.sh (dotnet tool install --global PowerShell) or set XASO_PWSH'));
    }
    return runCommand(PWSH, powershellArgs(prelude + script), {
      timeoutMs: runOptions.timeoutMs,
      maxBytes: runOptions.maxBytes ?? POWERSHELL_MAX_BYTES,
      env,
      ...(runOptions.signal === undefined ? {} : { signal: runOptions.signal }),
      ...(runOptions.onStdout === undefined ? {} : { onStdout: runOptions.onStdout }),
    });
  };
}

/** A RunCommand for a Windows machine on which no program of ours exists (ping.exe, netsh…). */
const noWindowsProgram: RunCommand = (file) =>
  Promise.reject(new CommandNotFoundError(`${file}: not found or not executable (fake Windows runs PowerShell only)`));

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
    os: fakeOs({ hostname: () => name, homedir: () => 'C:\\Users\\canbo', type: () => 'Windows_NT' }),
    fs: fakeFs(),
  };
}
