import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { channelNames, contract } from '../../../main/service/contract.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createService, createServiceFrom } from '../../../main/service/index.js';
import { testContract, testHandlers } from '../../fakes/test-contract.js';

const service = createServiceFrom(testContract, testHandlers);

describe('service', () => {
  it('answers app:info with the real environment', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xaso-svc-'));
    const app = createService(defaultEnv({ door: 'test', version: '1.2.3', dataDir }));
    const result = await app.invoke('app:info', {});
    expect(result).toMatchObject({ ok: true, value: { version: '1.2.3', dataDir, door: 'test' } });
  });

  it('every channel has a summary in both languages and a domain:method name', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/i);
      expect(contract[name].summary.vi.length).toBeGreaterThan(0);
      expect(contract[name].summary.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses a bad payload with the field and a Vietnamese reason', async () => {
    const result = await service.invokeUnknown('test:count', { to: 'ten', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    const paths = result.error.issues?.map((i) => i.path);
    expect(paths).toContain('to');
    const to = result.error.issues?.find((i) => i.path === 'to');
    expect(to?.message.vi).toBe('phải là số');
    expect(result.error.issues?.some((i) => i.message.vi.includes('extra'))).toBe(true);
  });

  it('refuses an unknown channel, including prototype names', async () => {
    for (const name of ['nope:nope', 'toString', '__proto__', 'constructor']) {
      const result = await service.invokeUnknown(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('streams progress and returns the value', async () => {
    const seen: unknown[] = [];
    const result = await service.invoke(
      'test:count',
      { to: 3 },
      { onProgress: (e) => seen.push(e.data) },
    );
    expect(result).toEqual({ ok: true, value: { counted: 3 } });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('turns cancel into a cancelled result', async () => {
    const controller = new AbortController();
    const pending = service.invoke(
      'test:count',
      { to: 50, delayMs: 20 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('keeps expected failures and hides nothing of unexpected ones', async () => {
    expect(await service.invoke('test:fail', { kind: 'expected' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: { vi: 'Không thấy tệp.' } },
    });
    expect(await service.invoke('test:fail', { kind: 'bug' })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: { en: 'Internal error: boom' } },
    });
  });

  it('survives a progress listener that throws', async () => {
    const result = await service.invoke(
      'test:count',
      { to: 2 },
      {
        onProgress: () => {
          throw new Error('closed');
        },
      },
    );
    expect(result.ok).toBe(true);
  });
});
