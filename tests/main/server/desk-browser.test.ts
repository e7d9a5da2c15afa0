/**
 * The desk in the browser, through the server's web bridge on live PostgreSQL data: the sign-in
 * page, the renderer served from out/renderer, `POST /api/invoke/inbox:desk` answered for the
 * signed-in account's programme only, with the session cookie and the bridge token both needed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccount, addProgramme, enrolKey } from '../../../main/server/admin.js';
import { loadServerConfig } from '../../../main/server/config.js';
import { startCollectionServer, type CollectionServer } from '../../../main/server/server.js';
import { keyIdOf, publicKeyFile, type InstallationKey } from '../../../main/service/inbox/keys.js';
import { signVisit } from '../../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';

const staticDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
let cluster: PostgresCluster;
let server: CollectionServer;
let cookie = '';
let csrf = '';

function newKey(): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

async function upload(key: InstallationKey, id: string, commune: string): Promise<void> {
  const visit = sampleVisit({ id, commune, province: 'Cần Thơ', date: '2026-11-20', machines: 2 });
  const envelope = signVisit(visit, key, {
    exportedAt: '2026-11-20T10:00:00.000Z',
    appVersion: 'test',
  });
  const response = await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    body: JSON.stringify(envelope),
  });
  expect(response.status).toBe(201);
}

async function invoke(
  channel: string,
  token: string | undefined,
  withCookie = true,
  body: unknown = {},
) {
  const response = await fetch(`${server.url}/api/invoke/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(withCookie ? { cookie } : {}),
      ...(token === undefined ? {} : { 'x-xaso-token': token }),
    },
    body: JSON.stringify(body),
  });
  if (response.headers.get('content-type')?.includes('ndjson') !== true)
    return { status: response.status, result: undefined };
  const line = JSON.parse((await response.text()).trim()) as {
    result: { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
  };
  return { status: response.status, result: line.result };
}

beforeAll(async () => {
  if (!existsSync(staticDir)) throw new Error('out/renderer missing: run npm run build first');
  cluster = await startPostgres();
  const loaded = loadServerConfig(JSON.stringify({ listen: '127.0.0.1:0', staticDir }), {
    DATABASE_URL: cluster.url,
  });
  if (!loaded.ok) throw new Error(loaded.message.en);
  server = await startCollectionServer({ config: loaded.config });
  const anh = newKey();
  const binh = newKey();
  await addProgramme(server.db, 'ctu-2026', 'ĐH Cần Thơ 2026', 'test');
  await addProgramme(server.db, 'hust-2026', 'ĐH Bách khoa 2026', 'test');
  await enrolKey(
    server.db,
    'ctu-2026',
    JSON.stringify(publicKeyFile(anh, 'Ánh')),
    'Trần Thị Ánh',
    'test',
    new Date(),
  );
  await enrolKey(server.db, 'hust-2026', binh.keyId, 'Lê Văn Bình', 'test', new Date());
  await upload(anh, 'visit-ctu-0001', 'Xã Tân Phước Hưng');
  await upload(anh, 'visit-ctu-0002', 'Xã Vị Thanh');
  await upload(binh, 'visit-hust-0001', 'Phường Bách Khoa');
  await addAccount(
    server.db,
    {
      username: 'gs-ctu',
      displayName: 'Nguyễn Văn Giám',
      role: 'supervisor',
      password: 'gs-ctu-mật-khẩu-dài',
      programmes: ['ctu-2026'],
    },
    'test',
  );
  const login = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gs-ctu', password: 'gs-ctu-mật-khẩu-dài' }),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  csrf = ((await login.json()) as { value: { csrf: string } }).value.csrf;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await cluster?.stop();
});

describe('desk in the browser', () => {
  it('sends a visitor without a token to the sign-in page, and serves the renderer and its page', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/login');
    const login = await fetch(`${server.url}/login`);
    expect(await login.text()).toContain('Tên đăng nhập');
    expect(login.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${server.url}/login.js`)).text()).toContain('/api/v1/session');
    const app = await fetch(`${server.url}/?token=${csrf}.ctu-2026`);
    expect(await app.text()).toContain('<div id="root"');
  });

  it("answers the desk on the programme's live data", async () => {
    const { result } = await invoke('inbox:desk', `${csrf}.ctu-2026`);
    expect(result?.ok).toBe(true);
    const indicators = result!.value!['indicators'] as {
      visits: { value: number; visits: string[] };
    };
    expect(indicators.visits.value).toBe(2);
    expect([...indicators.visits.visits].sort()).toEqual(['visit-ctu-0001', 'visit-ctu-0002']);
    // As the desk page asks: without ids, then the ids of one figure by its ref.
    const light = await invoke('inbox:desk', `${csrf}.ctu-2026`, true, { ids: false });
    const ref = (light.result!.value!['indicators'] as { visits: { visits: []; ref: string } })
      .visits;
    expect(ref.visits).toEqual([]);
    const drilled = await invoke('inbox:drill', `${csrf}.ctu-2026`, true, { ref: ref.ref });
    expect([...(drilled.result!.value!['visits'] as string[])].sort()).toEqual([
      'visit-ctu-0001',
      'visit-ctu-0002',
    ]);
    const list = await invoke('inbox:list', `${csrf}.ctu-2026`);
    expect(list.result!.value).toMatchObject({ total: 2, offset: 0 });
    expect((list.result!.value!['items'] as unknown[]).length).toBe(2);
  });

  it('refuses another programme, a missing cookie or token, and the channels that touch files', async () => {
    expect((await invoke('inbox:desk', `${csrf}.hust-2026`)).status).toBe(403);
    expect((await invoke('inbox:desk', `${csrf}.ctu-2026`, false)).status).toBe(401);
    expect((await invoke('inbox:desk', undefined)).status).toBe(401);
    expect((await invoke('inbox:desk', `wrong.ctu-2026`)).status).toBe(401);
    const imported = await invoke('inbox:import', `${csrf}.ctu-2026`);
    expect(imported.result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
