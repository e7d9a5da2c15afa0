/**
 * A visit holds its machines: the asset tag is asked once — given with a diagnosis, it is kept
 * with the hardware fingerprint in the data folder and put on the same PC's later diagnoses, in
 * this visit and the next ones.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import type { AddSnapshotResult, VisitView } from '../../../../main/service/visits/contract.js';
import { sampleSnapshot } from '../../../fixtures/visits/sample.js';

let dir = '';
let service: Service;

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await service.invokeUnknown(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-asset-'));
  service = createService(
    defaultEnv({ dataDir: path.join(dir, 'data'), door: 'test', version: '0.0.0-test' }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fields = {
  commune: { name: 'Xã Mỹ Khánh', province: 'Cần Thơ' },
  interns: [{ name: 'Trần Thị Ánh' }],
};

describe('asset tags, asked once', () => {
  it('keeps the tag with the fingerprint and puts it on later diagnoses of that PC', async () => {
    const visit = await call<VisitView>('visits:create', { fields });
    const snap = sampleSnapshot(2, { date: '2026-12-01' });
    const tagged = { ...snap, machine: { ...snap.machine, assetTag: 'UBND-PC-03' } };
    const first = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { id: visit.visit.id },
      snapshot: tagged,
    });
    expect(first.machine.assetTag).toBe('UBND-PC-03');
    const settings = JSON.parse(
      await readFile(path.join(dir, 'data', 'settings.json'), 'utf8'),
    ) as { assetTags: Record<string, string> };
    expect(settings.assetTags[snap.machine.fingerprint]).toBe('UBND-PC-03');
    // Next visit, no tag typed: the remembered one is used.
    const next = await call<VisitView>('visits:create', { fields });
    const again = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { id: next.visit.id },
      snapshot: snap,
    });
    expect(again.machine.assetTag).toBe('UBND-PC-03');
    const state = await service.invoke('app:state', { fingerprint: snap.machine.fingerprint });
    expect(state).toEqual({ ok: true, value: { assetTag: 'UBND-PC-03' } });
  });

  it('finds a PC seen before by its asset tag when its hardware changed', async () => {
    const first = await call<VisitView>('visits:create', {
      fields: { ...fields, onSite: { date: '2026-11-02' } },
    });
    const before = sampleSnapshot(3, { date: '2026-11-02' });
    await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { id: first.visit.id },
      snapshot: { ...before, machine: { ...before.machine, assetTag: 'UBND-PC-07' } },
    });
    // A new board: another fingerprint, the same label on the case.
    const second = await call<VisitView>('visits:create', {
      fields: { ...fields, onSite: { date: '2026-12-01' } },
    });
    const after = sampleSnapshot(4, { date: '2026-12-01' });
    expect(after.machine.fingerprint).not.toBe(before.machine.fingerprint);
    const added = await call<AddSnapshotResult>('visits:add-snapshot', {
      ref: { id: second.visit.id },
      snapshot: { ...after, machine: { ...after.machine, assetTag: ' ubnd-pc-07 ' } },
    });
    expect(added.machine.changes?.previousVisitId).toBe(first.visit.id);
  });
});
