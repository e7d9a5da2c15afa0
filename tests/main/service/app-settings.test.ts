/** The app's settings in the data folder: the active visit and remembered asset tags. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../main/service/env.js';
import { createService } from '../../../main/service/index.js';

async function service() {
  const dataDir = await mkdtemp(join(tmpdir(), 'xaso-settings-'));
  return { dataDir, svc: createService(defaultEnv({ door: 'test', version: '0', dataDir })) };
}

describe('app settings', () => {
  it('remembers the active visit and an asset tag per fingerprint, in settings.json', async () => {
    const { dataDir, svc } = await service();
    expect(await svc.invoke('app:state', {})).toEqual({ ok: true, value: {} });
    await svc.invoke('app:set-active-visit', { visitId: 'v-2026-12-01-abc' });
    await svc.invoke('app:remember-asset-tag', { fingerprint: 'f00d', assetTag: ' UBND-PC-03 ' });
    expect(await svc.invoke('app:state', { fingerprint: 'f00d' })).toEqual({
      ok: true,
      value: { activeVisitId: 'v-2026-12-01-abc', assetTag: 'UBND-PC-03' },
    });
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(saved).toMatchObject({ assetTags: { f00d: 'UBND-PC-03' } });
    await svc.invoke('app:set-active-visit', { visitId: null });
    expect(await svc.invoke('app:state', {})).toEqual({ ok: true, value: {} });
  });

  it('refuses a damaged settings file with an error, and keeps it', async () => {
    const { dataDir, svc } = await service();
    await writeFile(join(dataDir, 'settings.json'), '{ not json');
    const result = await svc.invoke('app:state', {});
    expect(result.ok).toBe(false);
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe('{ not json');
  });
});
