/**
 * What the CLI used to do itself, now seen by a test of the service: reading `--ca` and
 * `--endpoints` files (`caFiles`, `endpointsFile`, CLI and test doors only), checking `--group`,
 * and `xaso import`'s import → aggregate → XLSX in one channel (`inbox:import-summary`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv, type ServiceEnv } from '../../../main/service/env.js';
import { describeFailure } from '../../../main/service/errors.js';
import { createService, type Service } from '../../../main/service/index.js';

let dir = '';
const serviceAs = (door: ServiceEnv['door']): Service =>
  createService(defaultEnv({ dataDir: path.join(dir, door), door, version: '0.1.0-test' }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-door-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file paths in requests', () => {
  it('the web door may not name files; the test door reads them and says which it cannot', async () => {
    const web = await serviceAs('web').invokeUnknown('diagnostics:run', {
      only: ['os.timezone'],
      caFiles: [path.join(dir, 'ca.pem')],
    });
    expect(web).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'caFiles' }] },
    });
    const missing = path.join(dir, 'missing.pem');
    const test = await serviceAs('test').invokeUnknown('network:check', { caFiles: [missing] });
    expect(test).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'caFiles' }] },
    });
    // Said once, in plain words: no system code, no field name repeated after the sentence.
    if (test.ok) return;
    expect(describeFailure(test.error, 'vi')).toBe(
      `Không đọc được tệp ${missing}: không có tệp này.`,
    );
    expect(describeFailure(test.error, 'en')).toBe(
      `Cannot read the file ${missing}: there is no such file.`,
    );
  });

  it('checks an endpoints file as the request would be checked', async () => {
    const file = path.join(dir, 'endpoints.json');
    await writeFile(
      file,
      JSON.stringify({
        endpoints: [{ id: 'x', name: { vi: 'X', en: 'X' }, url: 'ftp://nope', kind: 'portal' }],
      }),
    );
    const result = await serviceAs('test').invokeUnknown('network:check', { endpointsFile: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok)
      expect(result.error.issues?.[0]?.path).toMatch(/^endpointsFile\.endpoints\.0\.url/);
  });
});

describe('inbox:import-summary', () => {
  it('refuses an unknown group and imports, then totals, in one call', async () => {
    const service = serviceAs('test');
    const bad = await service.invokeUnknown('inbox:import-summary', {
      paths: [dir],
      groupBy: 'village',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'groupBy' }] },
    });
    const empty = path.join(dir, 'empty');
    await mkdir(empty);
    const result = await service.invokeUnknown('inbox:import-summary', {
      paths: [empty],
      groupBy: 'commune',
    });
    expect(result).toMatchObject({ ok: true, value: { verdicts: [], aggregate: { rows: [] } } });
  });
});
