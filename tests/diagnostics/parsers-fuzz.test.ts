/**
 * Property tests of every command-output parser (`diagnostics/**\/*-linux.ts` and `*-win32.ts`
 * exports named `parse…`): whatever a command printed, or whatever JSON PowerShell returned,
 * a parser answers with a result; it never throws.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fuzzParams, outputLike } from '../helpers/fuzz.js';

const root = path.resolve('diagnostics');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => /-(linux|win32)\.ts$/.test(f))
  .sort();

type Parser = (input: unknown) => unknown;
const parsers: { name: string; fn: Parser; text: boolean }[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (!name.startsWith('parse') || typeof value !== 'function' || value.length !== 1) continue;
    // Parsers of text take (text|stdout|lines: string); the others take PowerShell's JSON.
    const param = /^[^(]*\(\s*([A-Za-z_$][\w$]*)/.exec(String(value))?.[1] ?? '';
    parsers.push({
      name: `${file}:${name}`,
      fn: value as Parser,
      text: /text|stdout|out/i.test(param),
    });
  }
}

const TOKENS = [
  'default via 192.168.1.1 dev eth0',
  'nameserver 8.8.8.8',
  'MemTotal:',
  'kB',
  'ID=ubuntu',
  'VERSION_ID="24.04"',
  'ii  ',
  'lladdr',
  'REACHABLE',
  'SSID',
  'signal:',
  'dBm',
  'Connected to',
  '0x',
  'null',
  'true',
  '1e309',
  'NaN',
];
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'Name',
      'Status',
      'Value',
      'DeviceID',
      'Size',
      'FreeSpace',
      'Caption',
      'Version',
      'Thumbprint',
      'NotAfter',
      'IPAddress',
      'Manufacturer',
      'value',
      'error',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

/**
 * Parsers of `ip -j …` JSON that refuse text which is not JSON by throwing a SyntaxError (or an
 * Error naming the problem); their readers (`readLinuxConfig`, `readLinuxNeighbourTable`) turn
 * it into a failed result. Even these must never fail with a TypeError or RangeError (a crash
 * on an unexpected shape).
 */
const REFUSE_BY_THROWING = new Set([
  'network/config-linux.ts:parseIpAddr',
  'network/config-linux.ts:parseDefaultRoute',
  'scan/neighbours-linux.ts:parseLinuxNeighbours',
  'scan/neighbours-linux.ts:parseLinuxAsked',
]);

function call(parser: (typeof parsers)[number], value: unknown): void {
  try {
    parser.fn(value);
  } catch (error) {
    const plain = error instanceof SyntaxError || (error as Error).constructor === Error;
    if (!REFUSE_BY_THROWING.has(parser.name) || !plain) throw error;
  }
}

describe('command-output parsers (fast-check)', () => {
  it('finds the parsers', () => {
    expect(parsers.length).toBeGreaterThan(20);
  });

  it.each(parsers.map((p) => [p.name, p] as const))('%s never throws', (_name, parser) => {
    const input: fc.Arbitrary<unknown> = parser.text
      ? outputLike(TOKENS)
      : fc.oneof(json, outputLike(TOKENS));
    fc.assert(
      fc.property(input, (value) => call(parser, value)),
      fuzzParams(300),
    );
  });
});
