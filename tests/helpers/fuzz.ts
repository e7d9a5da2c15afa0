/**
 * fast-check settings shared by the property tests (`*-fuzz.test.ts`). In CI a fixed seed and a
 * few thousand cases, so a run is repeatable; `npm run fuzz` (XASO_FUZZ=1) runs 20× more with a
 * fresh random seed and prints it, so a failure can be replayed with XASO_FUZZ_SEED=<seed>.
 * A failure found that way is kept as a regression case (`examples` in the test).
 */
import fc from 'fast-check';

const long = process.env['XASO_FUZZ'] === '1';
const given = process.env['XASO_FUZZ_SEED'];
/** The seed of this run. */
export const FUZZ_SEED =
  given !== undefined ? Number(given) : long ? Date.now() % 2 ** 31 : 20261201;
if (long)
  process.stdout.write(`fast-check seed: ${FUZZ_SEED} (replay: XASO_FUZZ_SEED=${FUZZ_SEED})\n`);

/** Parameters for `fc.assert`: `runs` cases in CI, 20× that under `npm run fuzz`. */
export function fuzzParams<T>(runs: number, examples: T[] = []): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: long ? runs * 20 : runs, examples, endOnFailure: true };
}

/** Text that looks like command output: lines mixing random text with tokens the parsers know. */
export function outputLike(tokens: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(...tokens),
    fc.integer().map(String),
    fc.constantFrom(':', '=', ' ', '\t', '\r', '"', '{', '}', '[', ']', ',', '%', '-'),
  );
  const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  return fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));
}
