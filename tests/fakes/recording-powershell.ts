/**
 * A PowerShellRunner that answers from a field capture (tests/fixtures/captures/<name>/capture.json):
 * a script text is matched to its catalogue entry (`windowsScriptText` equal), or, for the
 * scripts that take a parameter (a host, a printer), to the entry of the same id whatever the
 * parameter, or, for the facts batch re-run on fewer sections after a hung one, to the lines of
 * those sections. It answers what was recorded: stdout (streamed once to `onStdout`), stderr,
 * exit code; a recorded timeout rejects with `CommandTimeoutError`. Anything else rejects with
 * `CommandNotFoundError`, as a Windows PC without that script would.
 */
import { readFileSync } from 'node:fs';

import {
  CommandAbortedError,
  CommandNotFoundError,
  CommandTimeoutError,
} from '../../diagnostics/errors.js';
import { win32PingStatusScript } from '../../diagnostics/network/ping-win32-status.js';
import {
  windowsClearQueueScript,
  windowsJobsScript,
  windowsTestPageScript,
} from '../../diagnostics/printers/windows-printers.js';
import type { CommandOutput, PowerShellRunner } from '../../diagnostics/types.js';
import type { Capture, CapturedScript } from '../../diagnostics/windows/capture.js';
import {
  FACT_SECTIONS,
  factsScript,
  type FactSection,
} from '../../diagnostics/windows/facts-script.js';
import { powershellCommandText } from '../../diagnostics/windows/powershell.js';
import { windowsScripts, windowsScriptText } from '../../diagnostics/windows/scripts.js';

/** Reads and checks a capture file. */
export function loadCapture(file: string): Capture {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Capture>;
  if (
    value.format !== 'xaso-capture' ||
    value.formatVersion !== 1 ||
    !Array.isArray(value.scripts)
  ) {
    throw new Error(`${file}: not a version 1 xaso capture`);
  }
  return value as Capture;
}

const HOST = 'XASOHOST';
const PRINTER = 'XASOPRINTER';

/** Scripts with a parameter: the text built with markers, the markers turned into patterns. */
const PARAMETERISED: readonly { id: string; pattern: RegExp }[] = [
  { id: 'ping-status', text: win32PingStatusScript(HOST, 9901, 9902) },
  { id: 'print-jobs', text: windowsJobsScript(PRINTER) },
  { id: 'print-test-page', text: windowsTestPageScript(PRINTER) },
  { id: 'clear-queue', text: windowsClearQueueScript(PRINTER) },
].map(({ id, text }) => ({ id, pattern: patternOf(powershellCommandText(text)) }));

function patternOf(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = escaped
    .replaceAll(HOST, '[A-Za-z0-9.:-]+')
    .replaceAll(`'${PRINTER}'`, "'(?:[^']|'')*'")
    .replaceAll(PRINTER, '[\\s\\S]*?')
    .replaceAll('9901', '\\d+')
    .replaceAll('9902', '\\d+');
  return new RegExp(`^${body}$`);
}

const SECTION_NAMES = new Set<string>(FACT_SECTIONS);

/** The sections of a facts batch text, when `text` is exactly the batch for them. */
function factsSections(text: string): FactSection[] | undefined {
  const names = [...text.matchAll(/xasoSection '(\w+)'/g)].map((m) => m[1] ?? '');
  if (names.length === 0 || !names.every((n) => SECTION_NAMES.has(n))) return undefined;
  const sections = names as FactSection[];
  return powershellCommandText(factsScript(sections)) === text ? sections : undefined;
}

/** Only the lines of `sections` (a re-run batch prints nothing of the others). */
function linesOf(stdout: string, sections: readonly FactSection[]): string {
  const keep = new Set<string>(sections);
  return stdout
    .split(/(?<=\n)/)
    .filter((line) => {
      const name = /^\{"section":"(\w+)"/.exec(line.trim())?.[1];
      return name === undefined || keep.has(name);
    })
    .join('');
}

/** Which recorded script answers `text`, and with which stdout. */
function lookup(
  capture: Capture,
  text: string,
): { script: CapturedScript; stdout: string } | undefined {
  const byId = (id: string): CapturedScript | undefined => capture.scripts.find((s) => s.id === id);
  const exact = windowsScripts().find((s) => windowsScriptText(s) === text);
  const id = exact?.id ?? PARAMETERISED.find((p) => p.pattern.test(text))?.id;
  const found = id === undefined ? undefined : byId(id);
  if (found !== undefined) return { script: found, stdout: found.stdout };
  const sections = exact === undefined ? factsSections(text) : undefined;
  const facts = byId('facts');
  return sections === undefined || facts === undefined
    ? undefined
    : { script: facts, stdout: linesOf(facts.stdout, sections) };
}

/** A runner answering from `capture`; `calls` lists the ids asked for, in order. */
export function recordingPowerShell(
  capture: Capture,
  /** Rewrites each recorded stdout before it is answered (e.g. into the 5.1 JSON dialect). */
  transform: (stdout: string) => string = (stdout) => stdout,
): {
  runner: PowerShellRunner;
  calls: string[];
} {
  const calls: string[] = [];
  const runner: PowerShellRunner = async (script, options) => {
    if (options.signal?.aborted === true) throw new CommandAbortedError('aborted before start');
    const hit = lookup(capture, script);
    if (hit === undefined)
      throw new CommandNotFoundError(`no recorded answer for this script: ${script.slice(-120)}`);
    calls.push(hit.script.id);
    const stdout = transform(hit.stdout);
    if (stdout !== '') options.onStdout?.(stdout);
    if (hit.script.timedOut === true)
      throw new CommandTimeoutError(`recorded timeout of ${hit.script.id}`);
    if (hit.script.error !== undefined) throw new CommandNotFoundError(hit.script.error);
    const output: CommandOutput = {
      stdout,
      stderr: hit.script.stderr,
      exitCode: hit.script.exitCode,
      truncated: hit.script.truncated === true,
    };
    return output;
  };
  return { runner, calls };
}
