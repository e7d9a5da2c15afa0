/**
 * Property tests of the readers of files that come from elsewhere: visit files (any bytes, or a
 * real visit with one value changed), signed export files (the supervisor's inbox) and checklist
 * files. Each answers with a value or a clear refusal; none throws anything else.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseChecklistText } from '../../../main/service/checklists/parse-file.js';
import { ServiceError } from '../../../main/service/errors.js';
import { checkExport } from '../../../main/service/inbox/verify.js';
import { loadVisit } from '../../../main/service/visits/store.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { fuzzParams } from '../../helpers/fuzz.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-fuzz-read-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A JSON value with one leaf replaced at a random path. */
function mutate(value: unknown, choice: number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0 || choice % 7 === 0) return replacement;
  const key = keys[choice % keys.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = mutate(copy[key], Math.floor(choice / 3), replacement);
  return copy;
}

const visit = sampleVisit({ machines: 2 });

describe('readers (fast-check)', () => {
  it('loadVisit answers a visit or a ServiceError for any bytes and any changed value', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc
            .tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 }))
            .map(([c, r]) => Buffer.from(JSON.stringify(mutate(visit, c, r)))),
        ),
        async (bytes) => {
          const file = path.join(dir, `v${n++}.json`);
          await writeFile(file, bytes);
          try {
            const loaded = await loadVisit({ dataDir: dir }, { file });
            expect(loaded.visit.schema).toBe('xaso.visit');
          } catch (error) {
            expect(error).toBeInstanceOf(ServiceError);
          }
        },
      ),
      fuzzParams(600),
    );
  }, 120_000);

  it('checkExport refuses or accepts any text, never throws', () => {
    const envelope = JSON.stringify({ schema: 'xaso.visit-export', visit, signature: {} });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.json({ maxDepth: 4 }),
          fc
            .tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }))
            .map(([c, r]) => JSON.stringify(mutate(JSON.parse(envelope), c, r))),
        ),
        (text) => {
          const checked = checkExport(text, new Date());
          if (!checked.ok) expect(['refused', 'tampered']).toContain(checked.status);
        },
      ),
      fuzzParams(2000),
    );
  });

  it('parseChecklistText reports problems with positions for any text, never throws', () => {
    const real = readFileSync(path.resolve('checklists/token-install.yaml'), 'utf8');
    const realLines = real.split('\n');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          // A real checklist with lines dropped, duplicated or replaced.
          fc
            .array(fc.tuple(fc.nat(realLines.length), fc.string({ maxLength: 30 })), {
              maxLength: 5,
            })
            .map((edits) => {
              const lines = [...realLines];
              for (const [at, text] of edits) lines.splice(at, at % 2, text);
              return lines.join('\n');
            }),
        ),
        (text) => {
          const parsed = parseChecklistText('fuzz.yaml', text);
          if (!parsed.ok) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const e of parsed.errors) expect(e.line).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      fuzzParams(300),
    );
  });
});
