import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import type {
  AddSnapshotResult,
  VisitListItem,
  VisitView,
} from '../../../../main/service/visits/contract.js';
import { sampleSnapshot } from '../../../fixtures/visits/sample.js';

let dir = '';
let service: Service;
let clock = new Date('2026-11-20T08:00:00Z');

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await service.invokeUnknown(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-visits-'));
  service = createService(
    defaultEnv({
      dataDir: path.join(dir, 'data'),
      door: 'test',
      version: '0.0.0-test',
      now: () => clock,
    }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fields = (date: string) => ({
  commune: { name: 'Xã Tân Phước Hưng', province: 'Cần Thơ' },
  interns: [{ name: 'Trần Thị Ánh' }],
  onSite: { date },
});

describe('visits', () => {
  it('creates a visit in the data folder, patches it and lists it', async () => {
    const created = await call<VisitView>('visits:create', { fields: fields('2026-11-20') });
    expect(created.file).toBe(path.join(dir, 'data', 'visits', `${created.visit.id}.json`));
    expect(created.visit.revision).toBe(1);
    const updated = await call<VisitView>('visits:update', {
      ref: { id: created.visit.id },
      patch: { office: 'Bộ phận Một cửa', timeSpentMinutes: 90 },
    });
    expect(updated.visit).toMatchObject({
      office: 'Bộ phận Một cửa',
      timeSpentMinutes: 90,
      revision: 2,
    });
    const list = await call<VisitListItem[]>('visits:list', {});
    expect(list).toEqual([
      expect.objectContaining({ id: created.visit.id, commune: 'Xã Tân Phước Hưng', machines: 0 }),
    ]);
  });

  it('refuses bad patches with a readable issue and never overwrites an existing --out file', async () => {
    const created = await call<VisitView>('visits:create', {
      fields: fields('2026-11-20'),
      file: path.join(dir, 'v.json'),
    });
    const bad = await service.invoke('visits:update', {
      ref: { file: created.file },
      patch: { onSite: { date: '20/11/2026' } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const again = await service.invoke('visits:create', {
      fields: fields('2026-11-20'),
      file: created.file,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('records what changed on a machine since the last visit, matched by fingerprint', async () => {
    const first = await call<VisitView>('visits:create', {
      fields: fields('2026-10-01'),
      file: path.join(dir, 'stick', 'a.json'),
    });
    const before = sampleSnapshot(3, { date: '2026-10-01' });
    const r1 = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { file: first.file },
      snapshot: before,
    });
    expect(r1.seenBefore).toBe(false);
    clock = new Date('2026-11-20T08:00:00Z');
    const second = await call<VisitView>('visits:create', {
      fields: fields('2026-11-20'),
      file: path.join(dir, 'stick', 'b.json'),
    });
    const after = sampleSnapshot(3, { date: '2026-11-20', hostname: 'KETOAN-MOI' });
    const changedChecks = after.checks.map((c) =>
      c.id === 'disk.free.C:' ? { ...c, status: 'ok' as const } : c,
    );
    const r2 = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { file: second.file },
      snapshot: { ...after, checks: changedChecks },
    });
    expect(r2.seenBefore).toBe(true);
    expect(r2.machine.changes).toMatchObject({
      previousVisitId: first.visit.id,
      previousVisitDate: '2026-10-01',
      hostname: { before: 'UBND-KT-03', after: 'KETOAN-MOI' },
      checks: [{ id: 'disk.free.C:', before: 'fail', after: 'ok' }],
    });
    const again = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { file: second.file },
      snapshot: after,
    });
    expect(again.replaced).toBe(true);
    expect(again.visit.machines).toHaveLength(1);
  });

  it('keeps one copy of a scan saved twice (autosave, then the button), and a new scan beside it', async () => {
    const created = await call<VisitView>('visits:create', { fields: fields('2026-11-20') });
    const scan = {
      schema: 1,
      ranges: ['192.168.1.0/24'],
      startedAt: '2026-11-20T08:05:00.000Z',
      durationMs: 4200,
      addressesScanned: 254,
      cancelled: false,
      methods: { tcp: true, icmp: false, neighbours: true, reverseDns: false },
      notes: [],
      hosts: [
        { ip: '192.168.1.20', openPorts: [9100], evidence: ['tcp-open'], deviceType: 'printer' },
      ],
    };
    const ref = { id: created.visit.id };
    await call<VisitView>('visits:add-scan', { ref, scan });
    const again = await call<VisitView>('visits:add-scan', { ref, scan });
    expect(again.visit.scans).toHaveLength(1);
    const later = await call<VisitView>('visits:add-scan', {
      ref,
      scan: { ...scan, startedAt: '2026-11-20T09:00:00.000Z' },
    });
    expect(later.visit.scans.map((s) => s.startedAt)).toEqual([
      '2026-11-20T08:05:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ]);
  });

  it('carries open items to the next visit of the same commune', async () => {
    const first = await call<VisitView>('visits:create', { fields: fields('2026-10-01') });
    await call('visits:update', {
      ref: { id: first.visit.id },
      patch: {
        openItems: [
          { id: 'o1', text: 'Thay hộp mực máy in tầng 2', done: false },
          { id: 'o2', text: 'Đã xong', done: true },
        ],
      },
    });
    const other = await call<VisitView>('visits:create', {
      fields: {
        ...fields('2026-11-19'),
        commune: { name: 'Phường Bến Nghé', province: 'TP Hồ Chí Minh' },
      },
    });
    expect(other.visit.openItems).toEqual([]);
    const next = await call<VisitView>('visits:create', {
      fields: {
        ...fields('2026-11-20'),
        commune: { name: '  xã tân phước  hưng ', province: 'Cần Thơ' },
      },
    });
    expect(next.visit.openItems).toEqual([
      { id: 'o1', text: 'Thay hộp mực máy in tầng 2', done: false, carriedFrom: first.visit.id },
    ]);
  });

  it('reads the backup when the main file is damaged, and says so', async () => {
    const created = await call<VisitView>('visits:create', { fields: fields('2026-11-20') });
    await call('visits:update', { ref: { id: created.visit.id }, patch: { office: 'Văn phòng' } });
    await writeFile(created.file, (await readFile(created.file, 'utf8')).slice(0, 50));
    const read = await call<VisitView>('visits:get', { ref: { id: created.visit.id } });
    expect(read.recoveredFrom).toMatch(/not valid JSON/);
    expect(read.visit.revision).toBe(1);
  });

  it('refuses a visit file from a newer version with a clear reason', async () => {
    const file = path.join(dir, 'future.json');
    await writeFile(file, JSON.stringify({ schema: 'xaso.visit', version: 99 }));
    const result = await service.invoke('visits:open-file', { file });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(JSON.stringify(result)).toMatch(/newer than this Xã Số/);
  });
});
