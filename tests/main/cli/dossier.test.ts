/**
 * `xaso dossier` through the real CLI and service (no network): usage errors, the regime checked
 * by the service, one office per dossier, no overwrite without --force, the format from --out.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Dossier } from '../../../main/service/dossier/types.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';

let dir: string;
let visit: string;
let other: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xaso-dossier-cli-'));
  visit = join(dir, 'visit.json');
  other = join(dir, 'other.json');
  await writeFile(visit, JSON.stringify(sampleVisit({ machines: 2 })));
  await writeFile(
    other,
    JSON.stringify(sampleVisit({ id: 'visit-other-0002', commune: 'Xã Mỹ Khánh' })),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xaso dossier', () => {
  it('asks for a visit and a regime, and leaves the regime to the service to check', async () => {
    const none = await runCliCaptured(['dossier', '--regime', 'new']);
    expect(none.code).toBe(2);
    expect(none.errLines.join('\n')).toMatch(/Cần ít nhất một chuyến công tác/);
    const noRegime = await runCliCaptured(['dossier', visit]);
    expect(noRegime.code).toBe(2);
    expect(noRegime.errLines.join('\n')).toMatch(/--regime old .* --regime new/);
    const bad = await runCliCaptured([
      'dossier',
      visit,
      '--regime',
      'cu',
      '--out',
      join(dir, 'x.docx'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.errLines.join('\n')).toMatch(/regime/);
  });

  it('refuses visits of two communes: one dossier is one office', async () => {
    const mixed = await runCliCaptured([
      'dossier',
      visit,
      other,
      '--regime',
      'old',
      '--out',
      join(dir, 'm.docx'),
    ]);
    expect(mixed.code).toBe(1);
    expect(mixed.errLines.join('\n')).toMatch(/nhiều xã khác nhau .*Xã Mỹ Khánh/);
  });

  it('writes the format --out names, never over an existing file without --force', async () => {
    const out = join(dir, 'ho-so.json');
    const first = await runCliCaptured(['dossier', visit, '--regime', 'old', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.outLines[0]).toMatch(/^Đã lập hồ sơ JSON: .*ho-so\.json \(2 thiết bị/);
    const dossier = JSON.parse(await readFile(out, 'utf8')) as Dossier;
    expect(dossier.regime).toBe('old');
    expect(dossier.assets.map((a) => a.hostname)).toEqual(['UBND-KT-00', 'UBND-KT-01']);
    await writeFile(out, 'giữ nguyên');
    const again = await runCliCaptured(['dossier', visit, '--regime', 'new', '--out', out]);
    expect(again.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('giữ nguyên');
    const forced = await runCliCaptured([
      'dossier',
      visit,
      '--regime',
      'new',
      '--out',
      out,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect((JSON.parse(await readFile(out, 'utf8')) as Dossier).regime).toBe('new');
    const svg = join(dir, 'so-do.svg');
    expect((await runCliCaptured(['dossier', visit, '--regime', 'new', '--out', svg])).code).toBe(
      0,
    );
    expect(await readFile(svg, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
