/**
 * Table-driven fixture loading: every `<case>.json` (or `.txt`) under
 * `tests/fixtures/<probe>/<os>/<locale>/` with its `<case>.expected.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One fixture case. */
export type FixtureCase = Readonly<{ locale: string; name: string; input: string; expected: unknown }>;

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
          expected: JSON.parse(readFileSync(join(root, locale, `${name}.expected.json`), 'utf8')) as unknown,
        };
      }),
  );
}
