/**
 * Exports never replace a file the person named unless told to (`--force` / `overwrite: true`),
 * a link in place of `exports/` is not followed, and the renderer's doors write only inside
 * the data folder.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultEnv, type ServiceEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { runCliCaptured } from '../../helpers/cli.js';

let dir = '';
let dataDir = '';
const service = (door: ServiceEnv['door']): Service =>
  createService(defaultEnv({ door, version: '0.0.0-test', dataDir }));

async function newVisit(): Promise<string> {
  const r = await service('test').invoke('visits:create', {
    fields: { commune: { name: 'Xã Yên Sở', province: 'Hà Nội' } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.file;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-exports-'));
  dataDir = path.join(dir, 'data');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('exports do not overwrite', () => {
  it('reports:export refuses an existing out file unless overwrite: true', async () => {
    const file = await newVisit();
    const out = path.join(dir, 'report.csv');
    await writeFile(out, 'my own spreadsheet');
    const svc = service('cli');
    const refused = await svc.invoke('reports:export', { ref: { file }, format: 'csv', out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await readFile(out, 'utf8')).toBe('my own spreadsheet');
    const forced = await svc.invoke('reports:export', {
      ref: { file },
      format: 'csv',
      out,
      overwrite: true,
    });
    expect(forced.ok).toBe(true);
    expect(await readFile(out, 'utf8')).not.toBe('my own spreadsheet');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('`xaso report --out` and `xaso import --export-key` need --force to replace a file', async () => {
    const file = await newVisit();
    const out = path.join(dir, 'r.txt');
    await writeFile(out, 'keep me');
    const cliService = service('cli');
    const run = (argv: string[]) => runCliCaptured(argv, { service: cliService });
    const refused = await run(['report', file, '--format', 'text', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.errLines.join('\n')).toContain('--force');
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect((await run(['report', file, '--format', 'text', '--out', out, '--force'])).code).toBe(0);
    const key = path.join(dir, 'key.json');
    await writeFile(key, 'keep me too');
    expect((await run(['import', '--export-key', key])).code).toBe(1);
    expect(await readFile(key, 'utf8')).toBe('keep me too');
    expect((await run(['import', '--export-key', key, '--force'])).code).toBe(0);
  });

  it('does not follow an exports/ folder that is a link', async () => {
    const file = await newVisit();
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dataDir, 'exports'));
    const r = await service('web').invoke('reports:export', { ref: { file }, format: 'csv' });
    expect(r).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('the web door writes exports and new visits only inside the data folder', async () => {
    const file = await newVisit();
    const web = service('web');
    const out = path.join(dir, 'outside.csv');
    const r = await web.invoke('reports:export', { ref: { file }, format: 'csv', out });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const created = await web.invoke('visits:create', {
      fields: { commune: { name: 'Xã A', province: 'B' } },
      file: path.join(dir, 'dropped.json'),
    });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readdir(dir)).toEqual(['data']);
    const inside = await web.invoke('reports:export', {
      ref: { file },
      format: 'csv',
      out: path.join(dataDir, 'mine.csv'),
    });
    expect(inside.ok).toBe(true);
  });
});
