import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import type { VisitListItem } from '../../../../main/service/visits/contract.js';
import { indexFileOf } from '../../../../main/service/visits/list-index.js';

let dir = '';
let service: Service;
const visits = () => path.join(dir, 'visits');

async function list(): Promise<VisitListItem[]> {
  const r = await service.invoke('visits:list', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...r.value];
}

async function create(name: string, date: string): Promise<string> {
  const r = await service.invoke('visits:create', {
    fields: { commune: { name, province: 'Tỉnh Thử' }, onSite: { date } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.file;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-index-'));
  service = createService(defaultEnv({ door: 'test', version: '0', dataDir: dir }));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('visits:list from the index', () => {
  it('lists newest day first and keeps the list shape (file, commune, counts)', async () => {
    const a = await create('Xã A', '2026-11-01');
    await create('Xã B', '2026-11-20');
    const items = await list();
    expect(items.map((i) => i.commune)).toEqual(['Xã B', 'Xã A']);
    expect(items[1]).toMatchObject({ file: a, province: 'Tỉnh Thử', machines: 0, openItems: 0 });
    expect(JSON.parse(await readFile(indexFileOf(visits()), 'utf8'))).toMatchObject({
      schema: 'xaso.visit-index',
    });
  });

  it('does not read an unchanged visit again, and reads a changed one', async () => {
    const file = await create('Xã A', '2026-11-01');
    // Whole seconds, so setting the time back is exact on every file system.
    const when = Math.floor(Date.now() / 1000) - 60;
    await utimes(file, when, when);
    await list();
    // Same size and time, other content: an unchanged file is taken from the index.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Xã A', 'Xã Z'));
    await utimes(file, when, when);
    expect((await list())[0]?.commune).toBe('Xã A');
    // A real save changes the time: read again.
    const r = await service.invoke('visits:update', { ref: { file }, patch: { office: 'UBND' } });
    expect(r.ok).toBe(true);
    expect((await list())[0]?.commune).toBe('Xã Z');
  });

  it('rebuilds a missing or damaged index from the files, and drops deleted visits', async () => {
    const a = await create('Xã A', '2026-11-01');
    await create('Xã B', '2026-11-02');
    await list();
    await writeFile(indexFileOf(visits()), '{ damaged');
    await rm(`${indexFileOf(visits())}.bak`, { force: true });
    expect((await list()).length).toBe(2);
    await rm(a);
    expect((await list()).map((i) => i.commune)).toEqual(['Xã B']);
  });
});
