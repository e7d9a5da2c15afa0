/**
 * The supervisor's desk in Debian's Chromium at 1366×768, through the real web door and service:
 * a generated programme of 40 interns, 40 communes and 1,000 sealed visits imported into the
 * inbox database, 38 keys enrolled by fingerprint, 42 communes in the programme. The charts show,
 * each with its table; a figure drills down to its visits, and a visit opens read-only. The
 * screenshot is committed (tests/e2e/screenshots/desk-1366.png, linked from the README).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { generateProgramme } from '../helpers/programme.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOT = resolve('tests/e2e/screenshots/desk-1366.png');
let app: WebApp;

beforeAll(async () => {
  app = await startWebApp({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const programme = generateProgramme({ interns: 40, communes: 40, visits: 1000, seed: 13 });
  const folder = join(app.dataDir, 'from-interns');
  await mkdir(folder);
  for (const f of programme.files) await writeFile(join(folder, f.name), f.text);
  // The same data folder as the web door's service: the same inbox database.
  const service = createService(
    defaultEnv({ dataDir: app.dataDir, door: 'test', version: '0.0.0-test' }),
  );
  for (const intern of programme.interns.slice(0, 38)) {
    const r = await service.invoke('keys:enrol', {
      fingerprint: intern.key.keyId,
      name: intern.name,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const communes = [...programme.communes, 'Xã Quảng Thành', 'Xã Quảng Minh'];
  await service.invoke('inbox:communes', {
    set: communes.map((name) => ({ name, province: 'Tỉnh Quảng Ninh' })),
  });
  const imported = await service.invoke('inbox:import', { paths: [folder] });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  expect(imported.value.counts).toMatchObject({ accepted: 950, 'unknown-key': 50 });
});
afterAll(async () => {
  await app?.close();
});

describe('the supervisor’s desk', () => {
  it('shows the charts from 1,000 visits, with tables, drill-down and a read-only visit', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/reports`);
    const desk = page.getByTestId('desk');
    await desk.getByTestId('indicators').waitFor();
    await expect.poll(() => page.getByTestId('ind-visits').textContent()).toMatch(/^1[.,]?000/);
    for (const chart of ['weeks', 'causes', 'ages', 'certs']) {
      const card = page.getByTestId(`chart-${chart}`);
      await expect
        .poll(() => card.locator('.recharts-bar-rectangle').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(await card.locator('figcaption').textContent()).not.toBe('');
    }
    expect(await page.getByTestId('communes-without-visit').textContent()).toMatch(
      /Xã Quảng Minh.*Xã Quảng Thành|Xã Quảng Thành.*Xã Quảng Minh/,
    );
    expect(await page.getByTestId('interns-without-report').textContent()).toMatch(/\(\d+\)/);
    // The table alternative of a chart.
    await page.getByTestId('chart-causes').locator('summary').click();
    expect(await page.getByTestId('chart-causes').locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByTestId('chart-causes').locator('summary').click();
    // The screenshot: the desk at 1366×768, from its indicators (the charts below them).
    await page.evaluate(() => document.getElementById('ind-title')?.scrollIntoView());
    await mkdir(resolve('tests/e2e/screenshots'), { recursive: true });
    await page.screenshot({ path: SHOT });
    // Drill down from a figure to its visits, and open one read-only.
    await page.getByTestId('ind-openItems').click();
    const drill = page.getByTestId('drill');
    await drill.waitFor();
    expect(await drill.locator('li').count()).toBeGreaterThan(0);
    await drill.locator('li button').first().click();
    const view = page.getByTestId('visit-view');
    await view.waitFor();
    await expect.poll(() => view.textContent()).toMatch(/chỉ đọc/);
    expect(await view.locator('input, textarea').count()).toBe(0);
    // Filter by commune: the figures follow.
    await page.getByTestId('filter-commune').selectOption('Xã Tiên Yên');
    await expect.poll(() => page.getByTestId('ind-visits').textContent()).toMatch(/^25\D/);
    await page.addScriptTag({ path: axePath });
    const violations = (await page.evaluate(
      `axe.run(document.querySelector('[data-testid="desk"]'), { runOnly: ['wcag2a', 'wcag2aa'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))`,
    )) as string[];
    expect(violations).toEqual([]);
  });

  it('pages through the 1,000 visits of the list and of a figure, 50 and 100 at a time', async () => {
    const { page } = app;
    await page.goto('about:blank');
    await page.goto(`${app.url}#/reports`);
    await page.getByTestId('ind-visits').waitFor();
    // The whole inbox's list, newest first, a page at a time.
    const list = page.getByTestId('inbox-list');
    await list.locator('summary').click();
    await expect.poll(() => list.locator('summary').textContent()).toMatch(/\(1\.000\)/);
    const pages = page.getByTestId('inbox-pages');
    await expect.poll(() => pages.textContent()).toMatch(/Chuyến 1–50 trên 1\.000/);
    expect(await list.locator('tbody tr').count()).toBe(50);
    const first = await list.locator('tbody tr th').first().textContent();
    await pages.getByRole('button', { name: /Trang sau/ }).click();
    await expect.poll(() => pages.textContent()).toMatch(/Chuyến 51–100 trên 1\.000/);
    await expect.poll(() => list.locator('tbody tr th').first().textContent()).not.toBe(first);
    // The 1,000 visits behind a figure: 100 labelled, then 100 more.
    await page.getByTestId('ind-visits').click();
    const drill = page.getByTestId('drill');
    await expect.poll(() => drill.locator('li button').count()).toBe(100);
    expect(await drill.textContent()).toMatch(/Đang hiện 100 trên 1\.000 chuyến/);
    await drill.getByRole('button', { name: 'Xem thêm 100 chuyến' }).click();
    await expect.poll(() => drill.locator('li button').count()).toBe(200);
    expect(await drill.textContent()).not.toMatch(/visit-/);
  });
});
