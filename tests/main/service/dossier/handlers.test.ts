/**
 * `dossier:export` at the service door: bounded requests, clear refusals, inline exports that
 * write nothing, and the default file name in the data folder.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';

let dataDir: string;
let service: Service;
let file: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xaso-dossier-svc-'));
  service = createService(defaultEnv({ door: 'test', dataDir, version: '0.0.0' }));
  file = join(dataDir, 'visit.json');
  await writeFile(file, JSON.stringify(sampleVisit({ machines: 1 })));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('dossier:export', () => {
  it('refuses no visit, more than 20, an unknown regime or format, and a missing file', async () => {
    const refs = (n: number) => Array.from({ length: n }, () => ({ file }));
    for (const request of [
      { refs: [], regime: 'new' },
      { refs: refs(21), regime: 'new' },
      { refs: refs(1), regime: 'moi' },
      { refs: refs(1), regime: 'old', format: 'pdf' },
    ]) {
      const result = await service.invokeUnknown('dossier:export', request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const missing = await service.invoke('dossier:export', {
      refs: [{ file: join(dataDir, 'khong-co.json') }],
      regime: 'old',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('returns the bytes inline without writing, or writes to the data folder by default', async () => {
    const inline = await service.invoke('dossier:export', {
      refs: [{ file }],
      regime: 'new',
      format: 'svg',
      inline: true,
    });
    if (!inline.ok) throw new Error(inline.error.message.en);
    expect(inline.value.file).toBeUndefined();
    expect(Buffer.from(inline.value.contentBase64 ?? '', 'base64').toString('utf8')).toMatch(
      /^<svg /,
    );
    expect(await readdir(dataDir)).toEqual(['visit.json']);
    const saved = await service.invoke('dossier:export', { refs: [{ file }], regime: 'old' });
    if (!saved.ok) throw new Error(saved.error.message.en);
    expect(saved.value.file).toBe(
      join(dataDir, 'exports', 'ho-so-cap-do-Xa-Tan-Phuoc-Hung-2026-11-20.docx'),
    );
    expect(saved.value.counts).toMatchObject({ assets: 1, unidentified: 0 });
    expect(await readdir(join(dataDir, 'exports'))).toEqual([
      'ho-so-cap-do-Xa-Tan-Phuoc-Hung-2026-11-20.docx',
    ]);
  });
});
