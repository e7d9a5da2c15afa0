/**
 * One writer per visit across processes: real child processes add snapshots to the same visit
 * at the same time (the app autosaving while `xaso diagnose --visit` runs); no update is lost.
 * A lock left by a killed process is taken over.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService } from '../../../../main/service/index.js';
import { lockPathOf } from '../../../../main/service/storage/file-lock.js';
import { loadVisit } from '../../../../main/service/visits/store.js';

const child = fileURLToPath(new URL('../../../fixtures/visits/add-loop.ts', import.meta.url));
const WRITERS = 3;
const ROUNDS = 8;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-writers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runChild(dataDir: string, file: string, base: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', child, dataDir, file, String(base), String(ROUNDS)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${base} exited ${code}: ${stderr}`)),
    );
  });
}

async function newVisitFile(name: string): Promise<{ dataDir: string; file: string }> {
  const dataDir = path.join(dir, 'data');
  const service = createService(defaultEnv({ dataDir, door: 'test', version: 'test' }));
  const created = await service.invoke('visits:create', {
    fields: { commune: { name: 'Xã Tân Lập', province: 'Hà Nội' } },
    file: path.join(dir, name),
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return { dataDir, file: created.value.file };
}

describe('concurrent writers', () => {
  it(`${WRITERS} processes × ${ROUNDS} snapshots on one visit: none lost`, async () => {
    const { dataDir, file } = await newVisitFile('shared.json');
    await Promise.all(
      Array.from({ length: WRITERS }, (_, w) => runChild(dataDir, file, 100 * (w + 1))),
    );
    const { visit } = await loadVisit({ dataDir }, { file });
    expect(visit.machines.length).toBe(WRITERS * ROUNDS);
    expect(visit.revision).toBe(1 + WRITERS * ROUNDS);
    const left = (await readdir(dir)).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'));
    expect(left).toEqual([]);
  }, 120_000);

  it('takes over the lock of a process that no longer runs', async () => {
    const { dataDir, file } = await newVisitFile('stale.json');
    // A pid that cannot be running: the lock of a writer killed with kill -9.
    const dead = { pid: 2 ** 22 + 17, host: hostname(), since: new Date().toISOString() };
    await writeFile(lockPathOf(file), JSON.stringify(dead));
    const service = createService(defaultEnv({ dataDir, door: 'test', version: 'test' }));
    const r = await service.invoke('visits:update', { ref: { file }, patch: { office: 'UBND' } });
    expect(r).toMatchObject({ ok: true, value: { visit: { office: 'UBND' } } });
    expect((await readdir(dir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});
