/**
 * The one PowerShell runner of the library: structured output only (`ConvertTo-Json`), never
 * localized text. Windows PowerShell 5.1 ships with every Windows 10/11.
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';

/** The program every Windows query runs. */
export const POWERSHELL = 'powershell.exe';

/** Preamble: UTF-8 out (Vietnamese names survive), no progress bars, stop on nothing. */
const PREAMBLE =
  "[Console]::OutputEncoding=[Text.UTF8Encoding]::new($false); $ProgressPreference='SilentlyContinue'; $ErrorActionPreference='Stop';";

/**
 * The argv for one script. The script must print one JSON document; wrap its value as
 * `… | ConvertTo-Json -Depth 4 -Compress`.
 */
export function powershellArgs(script: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-Command',
    `${PREAMBLE} ${script}`,
  ];
}

/** Parses PowerShell JSON output (BOM and blank lines tolerated). */
export function parsePowerShellJson(stdout: string): ProbeResult<unknown> {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return failed('PowerShell printed nothing');
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return failed(`PowerShell printed something that is not JSON: ${text.slice(0, 120)}`);
  }
}

/** Runs one script and parses its JSON; never throws. */
export async function runPowerShellJson(
  ctx: ProbeContext,
  script: string,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<unknown>> {
  try {
    const output = await ctx.run(POWERSHELL, powershellArgs(script), {
      timeoutMs: options.timeoutMs,
      maxBytes: 8 * 1024 * 1024,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (output.truncated) return failed('PowerShell output was too large and was cut');
    if (output.exitCode !== 0) {
      return failed(
        `PowerShell exited with ${String(output.exitCode)}: ${output.stderr.trim().slice(0, 200)}`,
      );
    }
    return parsePowerShellJson(output.stdout);
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

/** PowerShell writes one object for a one-item pipeline and an array otherwise: always an array. */
export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
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
