/**
 * Table-driven fixture loading: every `<case>.json` (or `.txt`) under
 * `tests/fixtures/<probe>/<os>/<locale>/` with its `<case>.expected.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One fixture case. */
export type FixtureCase = Readonly<{
  locale: string;
  name: string;
  input: string;
  expected: unknown;
}>;

/** Loads the cases of `probe`/`os` (input files end in `ext`). */
export function loadFixtures(probe: string, os: string, ext = '.json'): FixtureCase[] {
  const root = join(import.meta.dirname, '../fixtures', probe, os);
  return readdirSync(root).flatMap((locale) =>
    readdirSync(join(root, locale))
      .filter((f) => f.endsWith(ext) && !f.endsWith('.expected.json'))
      .map((f) => {
        const name = f.slice(0, -ext.length);
        return {
          locale,
          name,
          input: readFileSync(join(root, locale, f), 'utf8'),
          expected: JSON.parse(
            readFileSync(join(root, locale, `${name}.expected.json`), 'utf8'),
          ) as unknown,
        };
      }),
  );
}

/** One expectation for a fake Windows machine (tests/fixtures/windows/<locale>-<name>). */
export type MachineExpectation = Readonly<{
  locale: string;
  name: string;
  machine: string;
  expected: unknown;
}>;

/**
 * The expectations of `probe` on the fake Windows machines:
 * `tests/fixtures/<probe>/win32/<locale>/<name>.expected.json` for machine `<locale>-<name>`
 * (the input is the shipped script run in pwsh against that machine: tests/helpers/fake-windows.ts).
 */
export function loadMachineExpectations(probe: string): MachineExpectation[] {
  const root = join(import.meta.dirname, '../fixtures', probe, 'win32');
  return readdirSync(root).flatMap((locale) =>
    readdirSync(join(root, locale))
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => {
        const name = f.slice(0, -'.expected.json'.length);
        return {
          locale,
          name,
          machine: `${locale}-${name}`,
          expected: JSON.parse(readFileSync(join(root, locale, f), 'utf8')) as unknown,
        };
      }),
  );
}
