import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startWebApp, type WebApp } from '../helpers/web-app.js';

// The real UI, built by Vite, served by the real web door, talking to the real service, in
// Debian's Chromium: open the app, reach the four places by keyboard only, switch language.
describe('app shell in Chromium (web mode)', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens in Vietnamese on the first screen, with the four places and live service facts', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Hôm nay cần làm gì?' }).waitFor();
    for (const name of ['Chẩn đoán', 'Danh mục kiểm tra', 'Chuyến công tác', 'Báo cáo']) {
      await page.getByRole('navigation').getByRole('link', { name }).waitFor();
    }
    // The footer comes from app:info through the web door: proves the real backend answers.
    await expect.poll(() => page.getByTestId('data-dir').textContent()).toContain(app.dataDir);
    await app.screenshot('shell-home-vi');
  });

  it('reaches each place with the keyboard only', async () => {
    const { page } = app;
    for (const place of ['diagnose', 'checklists', 'visit', 'reports']) {
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Hôm nay cần làm gì?' }).waitFor();
      // Tab until the nav link of this place has focus, then press Enter.
      let focused = '';
      for (let i = 0; i < 20 && focused !== `nav-${place}`; i++) {
        await page.keyboard.press('Tab');
        focused = (await page.locator(':focus').getAttribute('data-testid')) ?? '';
      }
      expect(focused).toBe(`nav-${place}`);
      await page.keyboard.press('Enter');
      await page.getByTestId(`place-${place}`).waitFor();
      await expect
        .poll(() => page.getByTestId(`nav-${place}`).getAttribute('aria-current'))
        .toBe('page');
    }
  });

  it('switches to English and back, and remembers the choice', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByTestId('lang-switch').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What needs doing today?' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await app.screenshot('shell-home-en');
    await page.reload();
    await page.getByRole('heading', { name: 'What needs doing today?' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Hôm nay cần làm gì?' }).waitFor();
  });

  it('opens the run of a checklist from a deep link naming an alias (as the Diagnose fixes do)', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/checklists/install-unikey`);
    // The run itself opens (not the list), titled by the checklist, with no id shown.
    await page.getByTestId('wizard').waitFor();
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toMatch(/Gõ tiếng Việt/);
    expect(await page.locator('main').textContent()).not.toContain('install-unikey');
    await expect
      .poll(() => page.getByTestId('nav-checklists').getAttribute('aria-current'))
      .toBe('page');
  });

  it('refuses the API without the launch token, in plain words', async () => {
    const response = await fetch(`${app.server.origin}/api/invoke/app:info`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { message: { vi: string } } };
    expect(body.error.message.vi).toContain('mã truy cập');
  });
});
