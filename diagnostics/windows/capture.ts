/**
 * A field capture (issue 9, point 6): every `read` script of the catalogue run once through the
 * context's PowerShell runner, one after the other, each under its own time limit, and what it
 * printed kept as it came, then redacted ({@link redactStreams}). A developer replays the file
 * (tests/fakes/recording-powershell.ts) to see the app meet a real commune PC.
 * `action` scripts are never run here.
 */
import { createHash } from 'node:crypto';

import { CommandAbortedError, CommandNotFoundError, CommandTimeoutError } from '../errors.js';
import type { PowerShellRunner } from '../types.js';
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  type CapturedScript,
  type CaptureProgress,
  type HostSummary,
} from './capture-types.js';
import { num, parsePowerShellJson, str } from './powershell.js';
import { redactStreams, type RedactionSeed } from './redact.js';
import { windowsScripts, windowsScriptText, type WindowsScript } from './scripts.js';

export * from './capture-types.js';

/** Options of {@link takeCapture}. */
export type CaptureOptions = Readonly<{
  appVersion: string;
  /** Aborting kills the running PowerShell; the capture rejects with `CommandAbortedError`. */
  signal?: AbortSignal;
  onProgress?: (event: CaptureProgress) => void;
  /** Host and user names known before anything runs (so they are redacted in free text too). */
  seeds?: readonly RedactionSeed[];
  /** Default: every `read` script of the catalogue. */
  scripts?: readonly WindowsScript[];
}>;

/** SHA-256 (hex) of a script's program text. */
export function commandSha256(script: WindowsScript): string {
  return createHash('sha256').update(windowsScriptText(script), 'utf8').digest('hex');
}

/**
 * Runs the capture. Rejects with `CommandNotFoundError` when PowerShell cannot start at all and
 * `CommandAbortedError` when cancelled; a script that fails or times out is recorded as such.
 */
export async function takeCapture(
  ctx: Readonly<{ powershell: PowerShellRunner; now: () => number }>,
  options: CaptureOptions,
): Promise<Capture> {
  const started = ctx.now();
  const scripts = (options.scripts ?? windowsScripts()).filter((s) => s.kind === 'read');
  const raw: CapturedScript[] = [];
  for (const [i, script] of scripts.entries()) {
    if (options.signal?.aborted === true) throw new CommandAbortedError('capture cancelled');
    const step = { id: script.id, title: script.title, index: i + 1, total: scripts.length };
    emit(options, { ...step, event: 'script-started' });
    const result = await runOne(ctx, script, options.signal);
    raw.push(result);
    emit(options, {
      ...step,
      event: 'script-finished',
      durationMs: result.durationMs,
      exitCode: result.exitCode,
      timedOut: result.timedOut === true,
    });
  }
  // Error texts (a spawn failure quotes paths) go through the same pass, after the scripts.
  const errors = raw.map((s) => ({ stdout: '', stderr: s.error ?? '' }));
  const redacted = redactStreams([...raw, ...errors], options.seeds);
  const final = raw.map((s, i) => {
    const streams = redacted.streams[i] ?? { stdout: '', stderr: '' };
    const error = redacted.streams[raw.length + i]?.stderr;
    return { ...s, ...streams, ...(s.error === undefined ? {} : { error: error ?? '' }) };
  });
  return {
    format: CAPTURE_FORMAT,
    formatVersion: CAPTURE_FORMAT_VERSION,
    appVersion: options.appVersion,
    takenAt: new Date(started).toISOString(),
    durationMs: ctx.now() - started,
    host: hostSummary(final.find((s) => s.id === 'host-info')?.stdout ?? ''),
    scripts: final,
    redactions: redacted.redactions,
  };
}

function emit(options: CaptureOptions, event: CaptureProgress): void {
  try {
    options.onProgress?.(event);
  } catch {
    // A failing listener must not stop the capture.
  }
}

async function runOne(
  ctx: Readonly<{ powershell: PowerShellRunner; now: () => number }>,
  script: WindowsScript,
  signal: AbortSignal | undefined,
): Promise<CapturedScript> {
  const base = { id: script.id, title: script.title, commandSha256: commandSha256(script) };
  const t0 = ctx.now();
  let partial = '';
  try {
    const output = await ctx.powershell(windowsScriptText(script), {
      timeoutMs: script.timeoutMs,
      ...(signal === undefined ? {} : { signal }),
      onStdout: (text) => {
        partial += text;
      },
    });
    return {
      ...base,
      stdout: output.stdout,
      stderr: output.stderr,
      exitCode: output.exitCode,
      durationMs: ctx.now() - t0,
      ...(output.truncated ? { truncated: true as const } : {}),
    };
  } catch (error) {
    if (error instanceof CommandAbortedError || error instanceof CommandNotFoundError) throw error;
    if (signal?.aborted === true)
      throw new CommandAbortedError('capture cancelled', { cause: error });
    const durationMs = ctx.now() - t0;
    if (error instanceof CommandTimeoutError) {
      return { ...base, stdout: partial, stderr: '', exitCode: null, durationMs, timedOut: true };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, stdout: partial, stderr: '', exitCode: null, durationMs, error: message };
  }
}

/** Reads the `host-info` script's JSON; null when it printed none. */
export function hostSummary(stdout: string): HostSummary | null {
  const parsed = parsePowerShellJson(stdout);
  if (parsed.status !== 'ok' || typeof parsed.data !== 'object' || parsed.data === null)
    return null;
  const d = parsed.data;
  const fields: [keyof HostSummary, string | number | undefined][] = [
    ['psVersion', str(d, 'PSVersion')],
    ['psEdition', str(d, 'PSEdition')],
    ['languageMode', str(d, 'LanguageMode')],
    ['culture', str(d, 'Culture')],
    ['uiCulture', str(d, 'UICulture')],
    ['oemCodePage', num(d, 'OemCodePage')],
    ['ansiCodePage', num(d, 'AnsiCodePage')],
    ['osCaption', str(d, 'Caption')],
    ['osVersion', str(d, 'Version')],
    ['osBuild', str(d, 'BuildNumber')],
    ['ubr', num(d, 'UBR')],
    ['displayVersion', str(d, 'DisplayVersion')],
    ['edition', str(d, 'EditionID')],
    ['architecture', str(d, 'OSArchitecture')],
  ];
  return Object.fromEntries(fields.filter(([, v]) => v !== undefined)) as HostSummary;
}
