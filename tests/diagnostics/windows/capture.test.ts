/**
 * `takeCapture` with a scripted PowerShell runner: only `read` scripts, one after the other with
 * their own time limits, the exact program text and its hash, timeouts and failures recorded,
 * cancellation and a missing PowerShell rejected, the host summary read from `host-info`.
 */
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  CommandAbortedError,
  CommandNotFoundError,
  CommandTimeoutError,
} from '../../../diagnostics/errors.js';
import type { PowerShellOptions, PowerShellRunner } from '../../../diagnostics/types.js';
import { CAPTURE_FORMAT, hostSummary, takeCapture } from '../../../diagnostics/windows/capture.js';
import { asciiJson } from '../../../diagnostics/windows/redact.js';
import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';

const HOST_INFO = asciiJson({
  PSVersion: '5.1.19041.5247',
  PSEdition: 'Desktop',
  LanguageMode: 'FullLanguage',
  Culture: 'vi-VN',
  UICulture: 'vi-VN',
  OemCodePage: 1258,
  AnsiCodePage: 1258,
  Caption: 'Microsoft Windows 10 Pro',
  Version: '10.0.19045',
  BuildNumber: '19045',
  UBR: 5247,
  DisplayVersion: '22H2',
  EditionID: 'Professional',
  OSArchitecture: '64-bit',
});

const byText = new Map(windowsScripts().map((s) => [windowsScriptText(s), s]));

type Call = Readonly<{ id: string; options: PowerShellOptions }>;

/** A runner that answers by catalogue id, recording each call; `answer` may throw. */
function scripted(answer: (id: string, options: PowerShellOptions) => Promise<string> | string): {
  runner: PowerShellRunner;
  calls: Call[];
} {
  const calls: Call[] = [];
  const runner: PowerShellRunner = async (script, options) => {
    const id = byText.get(script)?.id ?? 'unknown';
    calls.push({ id, options });
    const stdout = await answer(id, options);
    return { stdout, stderr: '', exitCode: 0, truncated: false };
  };
  return { runner, calls };
}

let tick = 0;
const now = (): number => Date.parse('2026-11-23T08:00:00Z') + (tick += 250);

describe('takeCapture', () => {
  it('runs every read script once, in catalogue order, each with its own time limit, and never an action', async () => {
    const { runner, calls } = scripted((id) =>
      id === 'host-info' ? `${HOST_INFO}\r\n` : '{}\r\n',
    );
    const capture = await takeCapture({ powershell: runner, now }, { appVersion: '1.2.3' });
    const reads = windowsScripts().filter((s) => s.kind === 'read');
    expect(calls.map((c) => c.id)).toEqual(reads.map((s) => s.id));
    expect(calls.map((c) => c.options.timeoutMs)).toEqual(reads.map((s) => s.timeoutMs));
    expect(capture.format).toBe(CAPTURE_FORMAT);
    expect(capture.appVersion).toBe('1.2.3');
    expect(capture.takenAt).toMatch(/^2026-11-23T08:00:00\.\d{3}Z$/);
    const facts = capture.scripts.find((s) => s.id === 'facts');
    const script = reads.find((s) => s.id === 'facts');
    expect(facts?.commandSha256).toBe(
      createHash('sha256')
        .update(script === undefined ? '' : windowsScriptText(script))
        .digest('hex'),
    );
    expect(facts).toMatchObject({ exitCode: 0, durationMs: 250, stdout: '{}\r\n' });
  });

  it('reads the host summary: PowerShell, language mode, cultures, OEM code page, build, edition', async () => {
    expect(hostSummary(HOST_INFO)).toEqual({
      psVersion: '5.1.19041.5247',
      psEdition: 'Desktop',
      languageMode: 'FullLanguage',
      culture: 'vi-VN',
      uiCulture: 'vi-VN',
      oemCodePage: 1258,
      ansiCodePage: 1258,
      osCaption: 'Microsoft Windows 10 Pro',
      osVersion: '10.0.19045',
      osBuild: '19045',
      ubr: 5247,
      displayVersion: '22H2',
      edition: 'Professional',
      architecture: '64-bit',
    });
    expect(hostSummary('')).toBeNull();
  });

  it('records a script that timed out with what it printed before, and goes on', async () => {
    const { runner, calls } = scripted((id, options) => {
      if (id !== 'facts') return '{}';
      options.onStdout?.('{"section":"os","start":true}\n');
      throw new CommandTimeoutError('no answer');
    });
    const capture = await takeCapture({ powershell: runner, now }, { appVersion: '1' });
    expect(capture.scripts.find((s) => s.id === 'facts')).toMatchObject({
      timedOut: true,
      exitCode: null,
      stdout: '{"section":"os","start":true}\n',
    });
    expect(calls.length).toBe(capture.scripts.length);
  });

  it('records any other failure of one script as its error, redacted too', async () => {
    const { runner } = scripted((id) => {
      if (id === 'wifi')
        throw new Error('Add-Type blocked for C:\\Users\\hoa.nt\\AppData\\Local\\Temp');
      return '{}';
    });
    const capture = await takeCapture({ powershell: runner, now }, { appVersion: '1' });
    expect(capture.scripts.find((s) => s.id === 'wifi')).toMatchObject({
      exitCode: null,
      error: 'Error: Add-Type blocked for C:\\Users\\user-1\\AppData\\Local\\Temp',
    });
  });

  it('rejects when PowerShell cannot start at all', async () => {
    const { runner } = scripted(() => {
      throw new CommandNotFoundError('powershell.exe not found');
    });
    await expect(
      takeCapture({ powershell: runner, now }, { appVersion: '1' }),
    ).rejects.toBeInstanceOf(CommandNotFoundError);
  });

  it('stops at once when cancelled, passing the signal to the running PowerShell', async () => {
    const controller = new AbortController();
    const { runner, calls } = scripted((id, options) => {
      if (id === 'network-config') {
        controller.abort();
        expect(options.signal?.aborted).toBe(true);
        throw new CommandAbortedError('killed');
      }
      return '{}';
    });
    await expect(
      takeCapture({ powershell: runner, now }, { appVersion: '1', signal: controller.signal }),
    ).rejects.toBeInstanceOf(CommandAbortedError);
    expect(calls.map((c) => c.id)).toEqual(['host-info', 'facts', 'network-config']);
  });

  it('reports progress per script and redacts with the seeds', async () => {
    const { runner } = scripted((id) =>
      id === 'facts'
        ? `${asciiJson({ section: 'processes', value: [{ Path: 'C:\\Users\\hoa.nt\\x.exe' }] })}\n`
        : 'UBND-PHUOCAN\n',
    );
    const events: string[] = [];
    const capture = await takeCapture(
      { powershell: runner, now },
      {
        appVersion: '1',
        seeds: [{ kind: 'host', value: 'UBND-PHUOCAN' }],
        onProgress: (e) => events.push(`${e.event}:${e.id}:${String(e.index)}/${String(e.total)}`),
      },
    );
    expect(events.slice(0, 4)).toEqual([
      'script-started:host-info:1/8',
      'script-finished:host-info:1/8',
      'script-started:facts:2/8',
      'script-finished:facts:2/8',
    ]);
    expect(JSON.stringify(capture)).not.toMatch(/UBND-PHUOCAN|hoa\.nt/);
    expect(capture.redactions).toEqual([
      { kind: 'host', count: 7, distinct: 1 },
      { kind: 'user', count: 1, distinct: 1 },
    ]);
  });
});
