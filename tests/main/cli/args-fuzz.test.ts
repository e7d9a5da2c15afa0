/**
 * Property tests of the CLI argument parser: any argv is parsed or refused with a problem,
 * never thrown; values given as `--flag value` and `--flag=value` come back as given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { extractLang, isProblem, parseArgs } from '../../../main/cli/args.js';
import { fuzzParams } from '../../helpers/fuzz.js';

const FLAGS = ['only', 'out', 'force?', 'intern', 'date'];
const arg = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '--',
    '-',
    '--json',
    '--lang',
    'vi',
    'en',
    '--help',
    '--only',
    '--out=x',
    '--force',
    '--force=1',
    '--nope',
    '-fc3',
    '--intern',
    '--=',
    '---',
  ),
);

describe('CLI argument parser (fast-check)', () => {
  it('parses or refuses any argv without throwing', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 12 }), (argv) => {
        const lang = extractLang(argv, 'vi');
        if ('bad' in lang) return;
        const parsed = parseArgs(lang.rest, FLAGS);
        if (isProblem(parsed)) expect(typeof parsed.kind).toBe('string');
        else expect(Array.isArray(parsed.positionals)).toBe(true);
      }),
      fuzzParams(3000),
    );
  });

  it('gives back the value of --out in both spellings', () => {
    const value = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.startsWith('-'));
    fc.assert(
      fc.property(value, fc.boolean(), (v, joined) => {
        const parsed = parseArgs(joined ? [`--out=${v}`] : ['--out', v], FLAGS);
        expect(isProblem(parsed) ? parsed : parsed.flags['out']).toBe(v);
      }),
      fuzzParams(2000),
    );
  });
});
