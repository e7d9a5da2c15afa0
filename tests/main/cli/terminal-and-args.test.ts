/**
 * Data from files reaches the terminal as text: ESC sequences and control characters are
 * removed, bidi overrides shown as [U+202E]; and a host is never read as an option of ping.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { pingCommand, pingHost } from '../../../diagnostics/network/ping.js';
import { isCalendarDate } from '../../../main/cli/args.js';
import { terminalJson, terminalText } from '../../../main/cli/terminal-text.js';
import { runCliCaptured } from '../../helpers/cli.js';

const HOSTILE = 'Xã \u001b]0;pwned\u0007Đông\u001b[2J Hưng\u202Efdp.exe\r';

describe('terminal output', () => {
  it('removes ESC sequences and control characters, shows bidi overrides', () => {
    const shown = terminalText(HOSTILE);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(shown).toContain('[U+202E]');
    expect(shown).toContain('Xã ');
    expect(terminalJson(JSON.stringify({ n: HOSTILE }))).not.toMatch(/[\u202e\u001b]/);
    expect(JSON.parse(terminalJson(JSON.stringify({ n: HOSTILE })))).toEqual({ n: HOSTILE });
  });

  it('`xaso visit new` and `visit show` print a hostile commune name inert', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xaso-term-'));
    const file = join(dir, 'v.json');
    const created = await runCliCaptured([
      'visit',
      'new',
      '--commune',
      HOSTILE,
      '--province',
      'Thái Bình',
      '--intern',
      'A',
      '--out',
      file,
    ]);
    expect(created.errLines).toEqual([]);
    expect(created.code).toBe(0);
    const shown = await runCliCaptured(['visit', 'show', file]);
    expect(shown.code).toBe(0);
    const text = [...created.outLines, ...shown.outLines].join('\n');
    expect(text).not.toMatch(/[\u001b\u0007\r\u202e]/);
    expect(text).toContain('[U+202E]');
  });
});

describe('ping arguments', () => {
  it('`xaso network ping -- -fc3` is refused as bad input, before any ping runs', async () => {
    const run = await runCliCaptured(['network', 'ping', '--', '-fc3']);
    expect(run.code).toBe(2);
  });

  it('puts -- before the host on Linux, and refuses a host that looks like an option', async () => {
    expect(pingCommand('linux', 'example.invalid', 1, 1).args.slice(-2)).toEqual([
      '--',
      'example.invalid',
    ]);
    const ran: string[][] = [];
    const ctx = createProbeContext({
      platform: 'linux',
      run: async (file, args) => {
        ran.push([file, ...args]);
        return { stdout: '', stderr: '', exitCode: 0, truncated: false };
      },
    });
    const result = await pingHost(ctx, '-fc3');
    expect(result.status).toBe('failed');
    expect(ran).toEqual([]);
  });
});

describe('visit new --date', () => {
  it('refuses a date that is not on the calendar (2026-13-45, 2026-02-29) as bad input', async () => {
    for (const date of ['2026-13-45', '2026-02-29', '2026-1-5']) {
      const dir = await mkdtemp(join(tmpdir(), 'xaso-date-'));
      const run = await runCliCaptured([
        'visit',
        'new',
        '--commune',
        'Xã A',
        '--province',
        'B',
        '--intern',
        'C',
        '--date',
        date,
        '--out',
        join(dir, 'v.json'),
      ]);
      expect(run.code).toBe(2);
      expect(run.errLines.join('\n')).toContain('--date');
    }
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});
