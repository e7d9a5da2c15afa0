/**
 * The desk in a real browser (Debian's Chromium): a supervisor signs in on `xaso serve`'s page,
 * picks their programme, and the app's own renderer shows the desk's figures from the reports
 * the interns' keys sealed and sent, live from PostgreSQL.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addAccount, addProgramme, enrolKey } from '../../../main/server/admin.js';
import { loadServerConfig } from '../../../main/server/config.js';
import { startCollectionServer, type CollectionServer } from '../../../main/server/server.js';
import { keyIdOf, type InstallationKey } from '../../../main/service/inbox/keys.js';
import { signVisit } from '../../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';
import { launchChromium, RENDERER_DIR } from '../../helpers/web-app.js';

let cluster: PostgresCluster;
let server: CollectionServer;
let browser: Browser;
let profile = '';

function newKey(): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

beforeAll(async () => {
  if (!existsSync(RENDERER_DIR)) throw new Error('out/renderer missing: run npm run build first');
  cluster = await startPostgres();
  const loaded = loadServerConfig(
    JSON.stringify({ listen: '127.0.0.1:0', staticDir: RENDERER_DIR }),
    { DATABASE_URL: cluster.url },
  );
  if (!loaded.ok) throw new Error(loaded.message.en);
  server = await startCollectionServer({ config: loaded.config });
  await addProgramme(server.db, 'ctu-2026', 'ĐH Cần Thơ — Chuyển đổi số 2026', 'test');
  await addProgramme(server.db, 'hust-2026', 'ĐH Bách khoa Hà Nội 2026', 'test');
  const anh = newKey();
  const binh = newKey();
  await enrolKey(server.db, 'ctu-2026', anh.keyId, 'Trần Thị Ánh', 'test', new Date());
  await enrolKey(server.db, 'hust-2026', binh.keyId, 'Lê Văn Bình', 'test', new Date());
  const send = async (key: InstallationKey, id: string, commune: string) => {
    const visit = sampleVisit({
      id,
      commune,
      province: 'Cần Thơ',
      date: '2026-11-20',
      machines: 2,
    });
    const envelope = signVisit(visit, key, {
      exportedAt: '2026-11-20T10:00:00.000Z',
      appVersion: 'test',
    });
    const r = await fetch(`${server.url}/api/v1/reports`, {
      method: 'POST',
      body: JSON.stringify(envelope),
    });
    expect(r.status).toBe(201);
  };
  for (let i = 0; i < 3; i += 1) await send(anh, `visit-ctu-000${i}`, `Xã số ${i}`);
  for (let i = 0; i < 5; i += 1) await send(binh, `visit-hust-000${i}`, `Phường số ${i}`);
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
  ({ browser, profile } = await launchChromium());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (profile !== '') await rm(profile, { recursive: true, force: true });
  await server?.close();
  await cluster?.stop();
});

describe('desk in Chromium', () => {
  it('signs a supervisor in and shows their programme only, from live data', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel(/Tên đăng nhập/).fill('gs-ctu');
    await page.getByLabel(/Mật khẩu/).fill('gs-ctu-mật-khẩu-dài');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    const links = page.locator('#list a');
    await links.first().waitFor();
    expect(await links.allTextContents()).toEqual(['ĐH Cần Thơ — Chuyển đổi số 2026']);
    await links.first().click();
    await page.waitForURL(/\?token=/);
    await page.goto(`${page.url()}#/reports`);
    await page.getByTestId('ind-visits').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('ind-visits').textContent()).toMatch(/^3\D/);
    await page.close();
  });
});
