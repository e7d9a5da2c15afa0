/**
 * The province pack from the home screen, in Debian's Chromium through the real web door and
 * service: the repository's signed example packs are picked as files, imported, and described;
 * the service then gives the pack to the checks (`province:get`).
 */
import { resolve } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

let app: WebApp;

beforeAll(async () => {
  app = await startWebApp({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await app?.close();
});

it('imports a province pack from the home screen, then another province’s', async () => {
  const { page } = app;
  await page.goto(`${app.url}#/`);
  const card = page.getByTestId('province-pack');
  await expect.poll(() => card.textContent()).toMatch(/Chưa nhập gói dữ liệu tỉnh/);
  await page
    .getByTestId('province-file')
    .setInputFiles(resolve('province-packs/quang-ninh.xaso-province.json'));
  await expect
    .poll(() => page.getByTestId('province-said').textContent())
    .toBe('✔ Đã nhập gói dữ liệu của Tỉnh Quảng Ninh.');
  await expect
    .poll(() => page.getByTestId('province-current').textContent())
    .toMatch(/Đang dùng gói của Tỉnh Quảng Ninh, do .* phát hành ngày \d{2}\/\d{2}\/\d{4}/);
  await card.screenshot({ path: resolve('tests/.tmp/screens/province-pack.png') });
  // Another province's pack replaces it (no question: a different province, not a new key).
  await page
    .getByTestId('province-file')
    .setInputFiles(resolve('province-packs/da-nang.xaso-province.json'));
  await expect
    .poll(() => page.getByTestId('province-said').textContent())
    .toBe('✔ Đã thay bằng gói dữ liệu của Thành phố Đà Nẵng.');
  // The service the checks use has it.
  const service = createService(
    defaultEnv({ dataDir: app.dataDir, door: 'test', version: '0.0.0-test' }),
  );
  const got = await service.invoke('province:get', {});
  expect(got.ok && got.value.province?.pack.province.code).toBe('da-nang');
  // A file that is not a pack is refused in plain words, and the pack in use stays.
  await page.getByTestId('province-file').setInputFiles({
    name: 'not-a-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect.poll(() => page.getByTestId('province-said').textContent()).toMatch(/^✖ /);
  expect(await page.getByTestId('province-current').textContent()).toMatch(/Đà Nẵng/);
});
