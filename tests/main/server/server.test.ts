/**
 * The collection server against a real PostgreSQL: migrations at start, /healthz, uploads sealed
 * by enrolled keys only (byte for byte, idempotent on the file hash), people and rights (two
 * supervisors see their own programmes only, a viewer only reads), CSRF, the login rate limit,
 * sessions that expire, and the audit log of enrolments and conflict decisions.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadServerConfig } from '../../../main/server/config.js';
import { startCollectionServer, type CollectionServer } from '../../../main/server/server.js';
import { keyIdOf, publicKeyFile, type InstallationKey } from '../../../main/service/inbox/keys.js';
import { signVisit } from '../../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';

let cluster: PostgresCluster;
let server: CollectionServer;
const ADMIN_PASSWORD = 'mật-khẩu-quản-trị-2026';

function newKey(): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

function sealed(
  key: InstallationKey,
  id: string,
  options: { commune?: string; exportedAt?: string; indent?: boolean } = {},
): Buffer {
  const visit = sampleVisit({
    id,
    machines: 2,
    commune: options.commune ?? 'Xã Tân Phước Hưng',
    province: 'Cần Thơ',
    date: '2026-11-20',
    intern: 'Trần Thị Ánh',
  });
  const envelope = signVisit(visit, key, {
    exportedAt: options.exportedAt ?? '2026-11-20T10:00:00.000Z',
    appVersion: 'test',
  });
  return Buffer.from(JSON.stringify(envelope, null, options.indent === true ? 2 : 0), 'utf8');
}

type Session = { cookie: string; csrf: string };

async function api(
  path: string,
  init: { method?: string; body?: unknown; session?: Session; csrf?: string | null } = {},
): Promise<{ status: number; body: { ok: boolean; value?: never; error?: { code: string } } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.session !== undefined) headers['cookie'] = init.session.cookie;
  const csrf = init.csrf === undefined ? init.session?.csrf : init.csrf;
  if (csrf !== undefined && csrf !== null) headers['x-xaso-csrf'] = csrf;
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function login(username: string, password: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  const body = (await response.json()) as { value: { csrf: string } };
  return { cookie: cookie.split(';')[0]!, csrf: body.value.csrf };
}

async function send(bytes: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xaso-file-name': 'bao-cao.json' },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const anh = newKey();
const binh = newKey();
const stranger = newKey();
let admin: Session;
let svCtu: Session;
let svHust: Session;
let viewer: Session;

beforeAll(async () => {
  cluster = await startPostgres();
  const loaded = loadServerConfig(
    JSON.stringify({ listen: '127.0.0.1:0', maxBodyBytes: 2 * 1024 * 1024 }),
    { DATABASE_URL: cluster.url, XASO_ADMIN_PASSWORD: ADMIN_PASSWORD },
  );
  if (!loaded.ok) throw new Error(loaded.message.en);
  server = await startCollectionServer({ config: loaded.config });
  admin = await login('admin', ADMIN_PASSWORD);
  for (const [id, name] of [
    ['ctu-2026', 'ĐH Cần Thơ — Chuyển đổi số 2026'],
    ['hust-2026', 'ĐH Bách khoa Hà Nội — Mùa hè xanh 2026'],
  ]) {
    expect((await api('/programmes', { session: admin, body: { id, name } })).status).toBe(201);
  }
  const accounts = [
    ['gs-ctu', 'supervisor', ['ctu-2026']],
    ['gs-hust', 'supervisor', ['hust-2026']],
    ['so-khcn', 'viewer', ['ctu-2026', 'hust-2026']],
  ] as const;
  for (const [username, role, programmes] of accounts) {
    const created = await api('/accounts', {
      session: admin,
      body: {
        username,
        displayName: username,
        role,
        password: `${username}-mật-khẩu-dài`,
        programmes,
      },
    });
    expect(created.status).toBe(201);
  }
  svCtu = await login('gs-ctu', 'gs-ctu-mật-khẩu-dài');
  svHust = await login('gs-hust', 'gs-hust-mật-khẩu-dài');
  viewer = await login('so-khcn', 'so-khcn-mật-khẩu-dài');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await cluster?.stop();
});

describe('collection server', () => {
  it('applies the migrations at start and answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'up', schema: 1 });
    expect(await cluster.psql('SELECT version FROM xaso_migrations', 'xaso')).toBe('1\n');
  });

  it('refuses a report whose key is not enrolled, and stores nothing', async () => {
    const { status, body } = await send(sealed(stranger, 'visit-stranger-1'));
    expect(status).toBe(403);
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown-key' } });
    expect(await cluster.psql('SELECT count(*) FROM uploads', 'xaso')).toBe('0\n');
  });

  it('enrols keys per programme (key file or fingerprint); a supervisor only in their own', async () => {
    const byFile = await api('/programmes/ctu-2026/keys', {
      session: svCtu,
      body: { name: 'Trần Thị Ánh', keyFile: JSON.stringify(publicKeyFile(anh, 'Ánh')) },
    });
    expect(byFile.status).toBe(201);
    const elsewhere = await api('/programmes/hust-2026/keys', {
      session: svCtu,
      body: { name: 'Lê Văn Bình', keyId: binh.keyId },
    });
    expect(elsewhere.status).toBe(403);
    const byFingerprint = await api('/programmes/hust-2026/keys', {
      session: svHust,
      body: { name: 'Lê Văn Bình', keyId: binh.keyId },
    });
    expect(byFingerprint.status).toBe(201);
    const twice = await api('/programmes/hust-2026/keys', {
      session: svHust,
      body: { name: 'Ánh?', keyId: anh.keyId },
    });
    expect(twice.status).toBe(409);
    const asViewer = await api('/programmes/ctu-2026/keys', {
      session: viewer,
      body: { name: 'X', keyId: stranger.keyId },
    });
    expect(asViewer.status).toBe(403);
  });

  it('keeps an enrolled report byte for byte and answers with a receipt, once per file', async () => {
    const bytes = sealed(anh, 'visit-anh-0001', { indent: true });
    const first = await send(bytes);
    expect(first.status).toBe(201);
    const receipt = first.body['value'] as Record<string, string>;
    expect(receipt).toMatchObject({
      fileHash: createHash('sha256').update(bytes).digest('hex'),
      status: 'accepted',
      visitId: 'visit-anh-0001',
      programme: 'ctu-2026',
    });
    expect(receipt['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(receipt['receivedAt']!)).not.toBeNaN();
    const again = await send(bytes);
    expect(again.status).toBe(200);
    expect(again.body['value']).toEqual(receipt);
    expect(await cluster.psql('SELECT count(*) FROM uploads', 'xaso')).toBe('1\n');
    const file = await fetch(
      `${server.url}/api/v1/programmes/ctu-2026/visits/visit-anh-0001/file`,
      {
        headers: { cookie: svCtu.cookie },
      },
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    const lookup = await api(`/receipts/${receipt['fileHash']}`);
    expect(lookup.body.value).toMatchObject({ id: receipt['id'] });
  });

  it('fills in a fingerprint-enrolled key from its first file', async () => {
    const { status, body } = await send(
      sealed(binh, 'visit-binh-0001', { commune: 'Phường Bách Khoa' }),
    );
    expect(status).toBe(201);
    expect(body['value']).toMatchObject({ programme: 'hust-2026', status: 'accepted' });
    const keys = await api('/programmes/hust-2026/keys', { session: svHust });
    expect(keys.body.value).toMatchObject([{ keyId: binh.keyId, publicKeyPem: binh.publicKeyPem }]);
  });

  it('refuses a damaged or tampered file with the reason, storing nothing', async () => {
    const good = sealed(anh, 'visit-anh-0002');
    const damaged = Buffer.from(good.toString('utf8').replace('Xã Tân Phước Hưng', 'Xã Khác'));
    const refused = await send(damaged);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'refused' } });
    const notJson = await send(Buffer.from([0xff, 0xfe, 0x00]));
    expect(notJson.status).toBe(422);
    const tooBig = await send(Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(tooBig.status).toBe(413);
    expect(
      await cluster.psql("SELECT count(*) FROM uploads WHERE visit_id = 'visit-anh-0002'", 'xaso'),
    ).toBe('0\n');
  });

  it('shows each supervisor their own programme only; the viewer reads both', async () => {
    const mine = await api('/programmes/ctu-2026/visits', { session: svCtu });
    expect((mine.body.value as unknown as { visitId: string }[]).map((v) => v.visitId)).toEqual([
      'visit-anh-0001',
    ]);
    expect((await api('/programmes/hust-2026/visits', { session: svCtu })).status).toBe(403);
    expect((await api('/programmes/ctu-2026/desk', { session: svHust })).status).toBe(403);
    const summary = await api('/programmes/hust-2026/summary', { session: svHust });
    expect(summary.body.value).toMatchObject({ programme: 'hust-2026', visits: 1 });
    const desk = await api('/programmes/hust-2026/desk', { session: svHust });
    const figures = desk.body.value as unknown as {
      indicators: { visits: { value: number; visits: string[] } };
    };
    expect(figures.indicators.visits).toEqual({ value: 1, visits: ['visit-binh-0001'] });
    const listed = await api('/programmes', { session: svHust });
    expect((listed.body.value as unknown as { id: string }[]).map((p) => p.id)).toEqual([
      'hust-2026',
    ]);
    expect((await api('/programmes/ctu-2026/visits', { session: viewer })).status).toBe(200);
    expect((await api('/programmes/hust-2026/visits', { session: viewer })).status).toBe(200);
    expect((await api('/programmes/ctu-2026/visits')).status).toBe(401);
  });

  it('holds a visit sent under another key apart; the decision is audited', async () => {
    // Bình's app sends a file with the id of Ánh's visit (a copied file, or a collision).
    await api('/programmes/ctu-2026/keys', {
      session: admin,
      body: { name: 'Phạm Chi', keyId: stranger.keyId },
    });
    const clash = await send(
      sealed(stranger, 'visit-anh-0001', { exportedAt: '2026-11-21T00:00:00.000Z' }),
    );
    expect(clash.body['value']).toMatchObject({ status: 'conflict' });
    const conflicts = await api('/programmes/ctu-2026/conflicts', { session: svCtu });
    const [conflict] = conflicts.body.value as unknown as { id: number; status: string }[];
    expect(conflict).toMatchObject({ status: 'open' });
    const asViewer = await api(`/programmes/ctu-2026/conflicts/${conflict!.id}`, {
      session: viewer,
      body: { keep: 'existing' },
    });
    expect(asViewer.status).toBe(403);
    const decided = await api(`/programmes/ctu-2026/conflicts/${conflict!.id}`, {
      session: svCtu,
      body: { keep: 'existing' },
    });
    expect(decided.body.value).toMatchObject({ status: 'kept-existing' });
    const log = await api('/audit', { session: svCtu });
    const entries = log.body.value as unknown as {
      actor: string;
      action: string;
      target: string;
    }[];
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'gs-ctu',
        action: 'conflict.resolve',
        target: 'visit-anh-0001',
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: 'gs-ctu', action: 'key.enrol', target: anh.keyId }),
    );
    // Supervisors see their own programmes' lines only.
    expect(entries.some((e) => e.target === binh.keyId)).toBe(false);
    expect((await api('/audit', { session: viewer })).status).toBe(403);
  });

  it('needs the CSRF token for every write', async () => {
    const noToken = await api('/programmes/ctu-2026/keys', {
      session: svCtu,
      csrf: null,
      body: { name: 'X', keyId: '0123456789abcdef' },
    });
    expect(noToken.status).toBe(403);
    const wrong = await api('/programmes/ctu-2026/keys', {
      session: svCtu,
      csrf: 'not-the-token',
      body: { name: 'X', keyId: '0123456789abcdef' },
    });
    expect(wrong.status).toBe(403);
  });

  it('limits failed logins and ends expired sessions', async () => {
    const tries: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const r = await api('/session', { body: { username: 'gs-hust', password: 'sai-mật-khẩu' } });
      tries.push(r.status);
    }
    expect(tries).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await api('/session', {
      body: { username: 'gs-hust', password: 'gs-hust-mật-khẩu-dài' },
    });
    expect(blocked.status).toBe(429);
    const session = await login('gs-ctu', 'gs-ctu-mật-khẩu-dài');
    expect((await api('/me', { session })).status).toBe(200);
    await cluster.psql("UPDATE sessions SET expires_at = now() - interval '1 second'", 'xaso');
    expect((await api('/me', { session })).status).toBe(401);
  });

  it('refuses a page of another site writing with a signed-in browser', async () => {
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(403);
  });
});
