/**
 * The one PowerShell door of the library: structured output only (`ConvertTo-Json`), never
 * localized text. Windows PowerShell 5.1 ships with every Windows 10/11 and is the target; the
 * scripts also run in PowerShell 7 (the tests run every one of them in `pwsh`).
 *
 * Every script reaches PowerShell as `powershellCommandText(body)`: a preamble that silences the
 * warning, verbose, debug, progress and information streams, detects Constrained Language Mode
 * (AppLocker/WDAC) into `$xasoClm`, and defines `xasoJson` (one JSON line, non-ASCII escaped as
 * `\uXXXX`, so the text survives any console code page, 1258 included). The body prints its
 * answer with `xasoJson`; stray lines around it are tolerated by {@link parsePowerShellJson}.
 */
import { failed, ok } from '../checks.js';
import type {
  CommandOutput,
  PowerShellRunner,
  ProbeContext,
  ProbeResult,
  RunCommand,
} from '../types.js';

/**
 * How stderr is read when it is not UTF-8: an error PowerShell prints outside every `try` (it
 * cannot start, the host refuses the script) is in the console's OEM code page, 1258 on
 * Vietnamese Windows. English systems print ASCII there, which reads the same in any page.
 */
export const STDERR_FALLBACK_ENCODING = 'windows-1258';

/** The default cap of one script's stdout. */
export const POWERSHELL_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Windows PowerShell 5.1 by absolute path, never a `powershell.exe` found in the current folder
 * (a portable app runs from a USB stick whose folder anyone can write). A 32-bit process on
 * 64-bit Windows reaches the 64-bit one through `Sysnative`.
 */
export function powershellPath(env: Readonly<Record<string, string | undefined>>): string {
  const root = (env['SystemRoot'] ?? env['SYSTEMROOT'] ?? env['windir'] ?? 'C:\\Windows').replace(
    /\\+$/,
    '',
  );
  const system = env['PROCESSOR_ARCHITEW6432'] === undefined ? 'System32' : 'Sysnative';
  return `${root}\\${system}\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

/**
 * Runs before every body. `$ErrorActionPreference='Stop'` turns non-terminating errors into
 * catchable ones; the other preferences keep warning/verbose/progress/information records off
 * stdout. Output encoding is set only in Full Language mode (CLM forbids it); `xasoJson` makes
 * the output pure ASCII either way.
 */
export const PREAMBLE = [
  "$ErrorActionPreference='Stop'; $ProgressPreference='SilentlyContinue'; $WarningPreference='SilentlyContinue';",
  "$VerbosePreference='SilentlyContinue'; $DebugPreference='SilentlyContinue'; $InformationPreference='SilentlyContinue';",
  "$xasoClm = $ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage';",
  'if (-not $xasoClm) { try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { } };',
  'function xasoJson($InputObject) { $j = ConvertTo-Json -InputObject $InputObject -Depth 6 -Compress;',
  "if ($j -match '[^\\x00-\\x7F]') { $j = -join @(foreach ($c in $j.ToCharArray()) { if ([int]$c -gt 127) { '\\u{0:x4}' -f [int]$c } else { [string]$c } }) }; $j };",
].join('\n');

/** The program text of one script, exactly as PowerShell receives it after `-Command`. */
export function powershellCommandText(body: string): string {
  return `${PREAMBLE}\n& {\n${body}\n} 3>$null 4>$null 5>$null 6>$null\n`;
}

/** The argv for one program text (same form on Windows and, with `pwsh`, in the tests). */
export function powershellArgs(commandText: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', commandText];
}

/** A runner that starts `program` (default: Windows PowerShell 5.1 by absolute path) through `run`. */
export function createPowerShellRunner(
  run: RunCommand,
  env: Readonly<Record<string, string | undefined>>,
  program: string = powershellPath(env),
): PowerShellRunner {
  return (script, options) =>
    run(program, powershellArgs(script), {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes ?? POWERSHELL_MAX_BYTES,
      stderrFallbackEncoding: STDERR_FALLBACK_ENCODING,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onStdout === undefined ? {} : { onStdout: options.onStdout }),
    });
}

/** Parses one JSON document, or undefined. */
function tryJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Parses PowerShell JSON output. The whole text first; failing that, the last line that is a
 * JSON object or array (a stray `WARNING:` or banner line before or after is tolerated).
 */
export function parsePowerShellJson(stdout: string): ProbeResult<unknown> {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return failed('PowerShell printed nothing');
  const whole = tryJson(text);
  if (whole !== undefined) return ok(whole.value);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .reverse();
  for (const line of lines) {
    if (!/^[[{]/.test(line)) continue;
    const found = tryJson(line);
    if (found !== undefined) return ok(found.value);
  }
  return failed(`PowerShell printed something that is not JSON: ${text.slice(0, 120)}`);
}

/** Why a finished PowerShell run did not give an answer, or undefined when it did. */
export function outputProblem(output: CommandOutput): string | undefined {
  if (output.truncated) return 'PowerShell output was too large and was cut';
  if (output.exitCode !== 0) {
    return `PowerShell exited with ${String(output.exitCode)}: ${output.stderr.trim().slice(0, 200)}`;
  }
  return undefined;
}

/** Runs one body (wrapped by {@link powershellCommandText}) and parses its JSON; never throws. */
export async function runPowerShellJson(
  ctx: ProbeContext,
  body: string,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<unknown>> {
  try {
    const output = await ctx.powershell(powershellCommandText(body), {
      timeoutMs: options.timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const problem = outputProblem(output);
    return problem === undefined ? parsePowerShellJson(output.stdout) : failed(problem);
  } catch (error) {
    return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/**
 * Reads a date as PowerShell writes it: 5.1 gives `"\/Date(1700000000000)\/"` (JSON-decoded to
 * `/Date(ms)/`, maybe with `+0700`), 7.x gives ISO 8601, `Get-Date` objects carry `value`.
 * Returns epoch milliseconds, or undefined.
 */
export function parsePsDate(value: unknown): number | undefined {
  if (typeof value === 'object' && value !== null && 'value' in value) {
    return parsePsDate((value as { value: unknown }).value);
  }
  if (typeof value !== 'string' || value === '') return undefined;
  const legacy = /^\/?Date\((-?\d+)([+-]\d{4})?\)\/?$/.exec(value.replace(/\\/g, ''));
  if (legacy?.[1] !== undefined) return Number(legacy[1]);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** True for 5.1's wrapping of some arrays: `{"value":[…],"Count":n}`. */
function isWrappedArray(value: unknown): value is { value: unknown[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    keys.includes('value') &&
    keys.includes('Count') &&
    Array.isArray((value as { value: unknown }).value)
  );
}

/**
 * Always an array: PowerShell writes one object for a one-item pipeline, nothing (`null`) for an
 * empty one, an array otherwise, and 5.1 sometimes `{"value":[…],"Count":n}`.
 */
export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (isWrappedArray(value)) return value.value;
  return Array.isArray(value) ? value : [value];
}

/**
 * The message of a part that failed inside its own `try`/`catch` and printed `{ error: "…" }`
 * instead of its value (network and printer scripts), or undefined for a value.
 */
export function partError(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value
    ? String((value as { error: unknown }).error)
    : undefined;
}

/** A property as a string (trimmed), or undefined. */
export function str(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A property as a finite number (numeric strings accepted), or undefined. */
export function num(record: unknown, key: string): number | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** A property as a boolean, or undefined. */
export function bool(record: unknown, key: string): boolean | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'boolean' ? value : undefined;
}
