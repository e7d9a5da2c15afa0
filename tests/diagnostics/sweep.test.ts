import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../diagnostics/context.js';
import { runCommand } from '../../diagnostics/run-command.js';

import { runSweep, selectProbes } from '../../diagnostics/sweep.js';
import type { CheckResult, Probe } from '../../diagnostics/types.js';
import { cpuProbe } from '../../diagnostics/hardware/cpu.js';
import { osVersionProbe } from '../../diagnostics/os/os-version.js';
import { fontsProbe } from '../../diagnostics/software/fonts.js';
import { timezoneProbe } from '../../diagnostics/os/timezone.js';
import { CommandTimeoutError } from '../../diagnostics/errors.js';
import { fakeWindowsContext, RUN_WINDOWS_TESTS } from '../helpers/fake-windows.js';
import { fakeContext, fakeRun, output } from './fake-context.js';

const title = { vi: 'Thử', en: 'Test' };
const okCheck = (id: string): CheckResult => ({
  id,
  area: 'hardware',
  status: 'ok',
  title,
  detail: title,
});
const probe = (id: string, run: Probe['run'], timeoutMs = 200): Probe => ({
  id,
  area: 'hardware',
  title,
  timeoutMs,
  run,
});
const ctx = fakeContext(
  'linux',
  fakeRun(() => output('')),
);

describe('runSweep faults', () => {
  const cases: [string, Probe['run'], RegExp][] = [
    [
      'throws',
      async () => {
        throw new Error('boom');
      },
      /^error: Error: boom/,
    ],
    ['hangs', () => new Promise(() => undefined), /^timeout/],
    [
      'returns garbage',
      async () => 'garbage' as unknown as CheckResult[],
      /^invalid result: not a list/,
    ],
    [
      'returns bad items',
      async () => [{ id: 'x' }] as unknown as CheckResult[],
      /^invalid result: item 0/,
    ],
    ['returns nothing', async () => [], /no check/],
  ];
  it.each(cases)(
    'a probe that %s becomes one unknown check with the reason',
    async (_name, run, reason) => {
      const result = await runSweep(ctx, {
        probes: [probe('bad', run), probe('good', async () => [okCheck('good')])],
      });
      expect(result.checks).toHaveLength(2);
      expect(result.checks[0]).toMatchObject({ id: 'bad', status: 'unknown' });
      expect(result.checks[0]?.reason).toMatch(reason);
      expect(result.checks[1]).toMatchObject({ id: 'good', status: 'ok' });
    },
  );

  it('aborts a hanging probe through its signal on timeout', async () => {
    let aborted = false;
    const hang = probe(
      'hang',
      (_c, { signal }) =>
        new Promise(() =>
          signal.addEventListener('abort', () => {
            aborted = true;
          }),
        ),
      50,
    );
    await runSweep(ctx, { probes: [hang] });
    expect(aborted).toBe(true);
  });

  it('cancelling the sweep ends unfinished probes as unknown "aborted"', async () => {
    const controller = new AbortController();
    const pending = runSweep(ctx, {
      probes: [probe('slow', () => new Promise(() => undefined), 60_000)],
      signal: controller.signal,
    });
    controller.abort();
    const result = await pending;
    expect(result.checks[0]?.reason).toMatch(/^aborted/);
  });

  it('streams started/finished progress with checks and percent', async () => {
    const events: string[] = [];
    await runSweep(ctx, {
      probes: [probe('a', async () => [okCheck('a')]), probe('b', async () => [okCheck('b')])],
      onProgress: (e) =>
        events.push(`${e.event}:${e.probeId}:${e.percent}:${e.checks?.length ?? '-'}`),
    });
    expect(events.filter((e) => e.startsWith('probe-started'))).toHaveLength(2);
    expect(events).toContain('probe-finished:b:100:1');
  });

  it('selects by area, probe id and id prefix', () => {
    const all = [cpuProbe, osVersionProbe, fontsProbe];
    expect(selectProbes(all, ['os']).map((p) => p.id)).toEqual(['os.version']);
    expect(selectProbes(all, ['software.fonts', 'hardware']).map((p) => p.id)).toEqual([
      'hardware.cpu',
      'software.fonts',
    ]);
    expect(selectProbes(all, []).length).toBe(3);
  });
});

describe('real probes fed broken commands', () => {
  const win = (answer: Parameters<typeof fakeRun>[0]) => fakeContext('win32', fakeRun(answer));
  const cases: [string, Parameters<typeof fakeRun>[0], RegExp][] = [
    ['exits non-zero', () => output('', 1, 'Access denied'), /exited with 1: Access denied/],
    // The facts batch reads one JSON line per section: anything else means no section finished.
    ['prints garbage', () => output('<<not json>>'), /PowerShell ended before this section/],
    ['prints nothing', () => output(''), /PowerShell ended before this section/],
    [
      'prints huge output',
      () => ({ stdout: 'x'.repeat(1000), stderr: '', exitCode: null, truncated: true }),
      /too large/,
    ],
    [
      'times out',
      () => {
        throw new CommandTimeoutError('powershell.exe: no answer within 25000 ms');
      },
      /CommandTimeoutError/,
    ],
  ];
  it.each(cases)(
    'Windows PowerShell that %s → unknown with reason',
    async (_name, answer, reason) => {
      const result = await runSweep(win(answer), { probes: [osVersionProbe] });
      expect(result.checks).toHaveLength(1);
      expect(result.checks[0]?.status).toBe('unknown');
      expect(result.checks[0]?.reason).toMatch(reason);
    },
  );

  it('a PowerShell that hangs past the probe timeout → unknown "timeout"', async () => {
    const hanging = win(
      (_f, _a, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new Error('killed'))),
        ),
    );
    const quick = { ...osVersionProbe, timeoutMs: 100 };
    const result = await runSweep(hanging, { probes: [quick] });
    expect(result.checks[0]).toMatchObject({ status: 'unknown' });
    expect(result.checks[0]?.reason).toMatch(/^timeout/);
  });

  it.runIf(RUN_WINDOWS_TESTS)(
    'Windows (pwsh, fake PC) whose CIM class is missing → unknown with the WMI message',
    async () => {
      const ctx = fakeWindowsContext({
        machine: 'vi-VN-commune-pc',
        faults: [
          {
            cmdlet: 'Get-CimInstance:Win32_OperatingSystem',
            kind: 'throw',
            message: 'Invalid class ',
          },
        ],
      });
      const result = await runSweep(ctx, { probes: [osVersionProbe, fontsProbe] });
      expect(result.checks[0]).toMatchObject({ id: 'os.version', status: 'unknown' });
      expect(result.checks[0]?.reason).toMatch(/PowerShell \(os\): Invalid class/);
      expect(result.checks[1]).toMatchObject({ id: 'software.fonts', status: 'ok' });
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'Windows (pwsh, fake PC) that answers slower than the probe → unknown "timeout", PowerShell killed',
    async () => {
      const ctx = fakeWindowsContext({
        machine: 'vi-VN-commune-pc',
        faults: [{ cmdlet: 'Get-TimeZone', kind: 'slow', ms: 20_000 }],
      });
      const result = await runSweep(ctx, {
        probes: [
          { ...osVersionProbe, timeoutMs: 30_000 },
          { ...timezoneProbe, timeoutMs: 5_000 },
        ],
      });
      expect(result.checks.find((c) => c.id === 'os.version')).toMatchObject({ status: 'ok' });
      expect(result.checks.find((c) => c.id === 'os.timezone')?.reason).toMatch(/^timeout/);
    },
    60_000,
  );

  it('Linux fc-list missing → unknown, not "no fonts"', async () => {
    const missing = fakeContext(
      'linux',
      fakeRun(() => {
        throw Object.assign(new Error('fc-list: not found or not executable'), {
          name: 'CommandNotFoundError',
        });
      }),
    );
    const result = await runSweep(missing, { probes: [fontsProbe] });
    expect(result.checks[0]?.status).toBe('unknown');
    expect(result.checks[0]?.reason).toMatch(/fc-list/);
  });
});

describe('real processes that misbehave (runCommand with stand-in programs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-fault-'));
  const script = (name: string, body: string): string => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const programs = {
    hang: script('hang', 'exec sleep 60'),
    nonzero: script('nonzero', 'echo "Fontconfig error" >&2; exit 3'),
    garbage: script('garbage', "printf '\\001\\002\\377\\376garbage\\000'"),
    huge: script('huge', 'exec yes "Times New Roman"'),
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['hangs', programs.hang, 2000, /^timeout/],
    ['exits non-zero', programs.nonzero, 10_000, /exited with 3/],
    ['prints garbage', programs.garbage, 10_000, /not a font list/],
    ['prints huge output', programs.huge, 10_000, /more than 2 MB/],
  ] as const)(
    'fc-list that %s → unknown with the reason',
    async (_name, program, timeoutMs, reason) => {
      const ctx = createProbeContext({
        platform: 'linux',
        run: (_file, args, options) => runCommand(program, args, options),
      });
      const { checks } = await runSweep(ctx, { probes: [{ ...fontsProbe, timeoutMs }] });
      expect(checks).toHaveLength(1);
      expect(checks[0]?.status).toBe('unknown');
      expect(checks[0]?.reason).toMatch(reason);
    },
  );
});
