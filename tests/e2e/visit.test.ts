/**
 * The Visit and Reports places in Debian's Chromium, through the real web door and service:
 * create a visit, edit it (auto-save reaches the disk), see a machine added by another door,
 * export a PDF (checked with pdftotext) and the signed JSON, then import it with a tampered copy
 * in the supervisor's inbox and read the verdicts and totals.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { sampleSnapshot } from '../fixtures/visits/sample.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

const exec = promisify(execFile);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core (WCAG 2 A/AA) on the page as it is now: the filled editor, the inbox with verdicts. */
async function axeViolations(): Promise<string[]> {
  await app.page.addScriptTag({ path: axePath });
  const found = (await app.page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then(r => r.violations)`,
  )) as Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
  return found.map(
    (v) =>
      `${v.id}: ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
let app: WebApp;
let visitFile = '';

beforeAll(async () => {
  app = await startWebApp({ bypassCSP: true }); // only so the test can inject axe-core
});
afterAll(async () => {
  await app?.close();
});

describe('Visit place', () => {
  it('creates a visit and auto-saves edits to disk', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/visit`);
    await page.getByTestId('new-commune').fill('Xã Tân Phước Hưng');
    await page.getByTestId('new-province').fill('Cần Thơ');
    await page.getByTestId('new-interns').fill('Trần Thị Ánh, Lê Đức Huỳnh');
    await page.getByTestId('create-visit').click();
    await page.getByTestId('visit-editor').waitFor();
    // The app shows no internal path: the visit is found through the service's list.
    expect(await page.locator('main').textContent()).not.toContain(app.dataDir);
    const lister = createService(
      defaultEnv({ door: 'test', version: '0.0.0-test', dataDir: app.dataDir }),
    );
    const listed = await lister.invoke('visits:list', {});
    visitFile = listed.ok ? (listed.value[0]?.file ?? '') : '';
    expect(visitFile).not.toBe('');
    await page.getByTestId('field-office').fill('Bộ phận Một cửa <script>x</script>');
    await page.getByTestId('add-open-item').click();
    await page
      .getByTestId('open-items')
      .locator('input[type=text], input:not([type])')
      .last()
      .fill('Thay hộp mực máy in tầng 2');
    await page
      .getByTestId('save-status')
      .getByText(/Đã lưu lúc/)
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => JSON.parse(await readFile(visitFile, 'utf8')).openItems?.[0]?.text, {
        timeout: 10_000,
      })
      .toBe('Thay hộp mực máy in tầng 2');
    const saved = JSON.parse(await readFile(visitFile, 'utf8'));
    expect(saved.office).toBe('Bộ phận Một cửa <script>x</script>');
    expect(saved.interns.map((i: { name: string }) => i.name)).toEqual([
      'Trần Thị Ánh',
      'Lê Đức Huỳnh',
    ]);
  });

  it('shows a machine another door added, and exports a PDF with exact Vietnamese text', async () => {
    const { page } = app;
    const cli = createService(defaultEnv({ dataDir: app.dataDir, door: 'cli', version: 'test' }));
    const added = await cli.invoke('visits:add-snapshot', {
      ref: { file: visitFile },
      snapshot: sampleSnapshot(3, { hostname: 'KẾ-TOÁN-01' }),
    });
    expect(added.ok).toBe(true);
    await page.reload();
    await page.getByTestId('machines').getByText('KẾ-TOÁN-01').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-pdf').click(),
    ]);
    const pdf = join(app.dataDir, 'ui.pdf');
    await download.saveAs(pdf);
    // Words as a reader sees them: the minutes wrap lines wherever the text falls.
    const text = (await exec('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Xã Tân Phước Hưng');
    expect(text).toContain('KẾ-TOÁN-01');
    await page.getByTestId('export-text').click();
    await expect
      .poll(() => page.getByTestId('zalo-summary').inputValue())
      .toMatch(/1 máy được chẩn đoán/);
    await app.screenshot('visit-editor');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Reports place', () => {
  it('imports the signed JSON and a tampered copy, with a verdict per file and totals', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/visit`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const good = join(app.dataDir, 'good.json');
    await download.saveAs(good);
    const envelope = JSON.parse(await readFile(good, 'utf8'));
    envelope.visit.timeSpentMinutes = 5;
    const bad = join(app.dataDir, 'edited.json');
    await writeFile(bad, JSON.stringify(envelope));
    await page.goto(`${app.url}#/reports`);
    await page.getByTestId('import-files').setInputFiles([good, bad]);
    const verdicts = page.getByTestId('verdicts');
    await verdicts.waitFor();
    await expect
      .poll(() =>
        verdicts
          .locator('tr[data-status]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
      )
      .toEqual(['unknown-key', 'refused']);
    await expect.poll(() => page.getByTestId('agg-table').textContent()).toContain('Cần Thơ');
    // No key enrolled: the visit counts, marked as from a key not enrolled.
    await expect.poll(() => page.getByTestId('ind-untrusted').textContent()).toMatch(/^1/);
    await page.getByTestId('inbox-list').locator('summary').click();
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('inbox-list').getByRole('button', { name: /^PDF:/ }).click(),
    ]);
    const pdf = join(app.dataDir, 'inbox.pdf');
    await report.saveAs(pdf);
    expect(
      (await exec('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout
        .normalize('NFC')
        .replace(/\s+/g, ' '),
    ).toContain('Xã Tân Phước Hưng');
    await app.screenshot('reports-inbox');
    expect(await axeViolations()).toEqual([]);
  });
});
