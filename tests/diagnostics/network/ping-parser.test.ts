/**
 * The Windows ping parser (npm `ping` 1.0.0's parser driven for win32, plus our locale-free
 * fallback) on en-US and vi-VN fixtures, table-driven from tests/fixtures/ping (see SOURCE.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  fallbackPingTimes,
  parsePingOutput,
  pingCommand,
} from '../../../diagnostics/network/ping.js';
import {
  parseWin32PingStatus,
  win32PingStatusScript,
} from '../../../diagnostics/network/ping-win32-status.js';

const root = join(import.meta.dirname, '../../fixtures/ping/win32');
const cases = readdirSync(root).flatMap((locale) =>
  readdirSync(join(root, locale))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ locale, name: f.replace(/\.txt$/, ''), dir: join(root, locale) })),
);

describe('Windows ping output', () => {
  it('has fixtures for both locales', () => {
    expect(new Set(cases.map((c) => c.locale))).toEqual(new Set(['en-US', 'vi-VN']));
  });

  it.each(cases)('$locale/$name', ({ dir, name }) => {
    const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as {
      host: string;
      count: number;
      timesMs: (number | null)[];
    };
    const series = parsePingOutput('win32', expected.host, text, expected.count);
    expect(series.timesMs).toEqual(expected.timesMs);
    expect(fallbackPingTimes(text)).toEqual(expected.timesMs.filter((x) => x !== null));
  });

  it('falls back to the anchored parser when the package parser crashes', () => {
    // A reply line whose packet-size token is not "=32" makes node-ping read the wrong token.
    const odd =
      'Pinging 10.0.0.1 with 64 bytes of data:\r\nReply from 10.0.0.1: bytes=64 time=7ms TTL=64\r\n';
    const series = parsePingOutput('win32', '10.0.0.1', odd, 1);
    expect(series.timesMs).toEqual([7]);
    expect(series.parser).toBe('fallback');
  });

  it('builds Windows argv with -n and -w in ms, Linux argv with -c and -W', () => {
    expect(pingCommand('win32', '10.0.0.1', 3, 1)).toEqual({
      file: 'ping.exe',
      args: ['-4', '-w', '1000', '-n', '3', '-l', '32', '10.0.0.1'],
    });
    expect(pingCommand('linux', '10.0.0.1', 3, 1).args).toEqual([
      '-n',
      '-W',
      '1',
      '-c',
      '3',
      '-s',
      '56',
      '-i',
      '0.2',
      '--',
      '10.0.0.1',
    ]);
  });

  it('reads Win32_PingStatus JSON (locale-free) and refuses odd host names', () => {
    expect(
      parseWin32PingStatus(
        [
          { StatusCode: 0, ResponseTime: 4 },
          { StatusCode: 11010, ResponseTime: null },
        ],
        3,
      ),
    ).toEqual([4, null, null]);
    expect(parseWin32PingStatus({ StatusCode: 0, ResponseTime: 1 }, 1)).toEqual([1]);
    expect(win32PingStatusScript('192.168.1.1', 2, 1000)).toContain(
      "Address='192.168.1.1' AND Timeout=1000",
    );
    expect(() => win32PingStatusScript("x' OR 1=1", 1, 1000)).toThrow();
  });
});
