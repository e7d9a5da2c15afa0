/**
 * One intern's day in Debian's Chromium, through the real web door and service, keyboard only:
 * arrive (start the visit on the home screen), add this PC and a second one (Xã Số started there
 * from the same data folder) to the visit with their asset tags, diagnose both, follow a fix into its checklist and back, record three people helped, export.
 * The diagnosis replays a real one (tests/fixtures/snapshots: the vi-VN commune PC with its DNS
 * server down) through the real sweep, one probe per recorded probe id.
 *
 * Also: every fix link opens the run of the checklist of that fix (title checked), and the
 * layout at 1366×768 and 1920×1080 (no horizontal overflow, no wrapped status badge), with
 * screenshots committed under tests/e2e/screenshots/ (rewritten with `UPDATE_SCREENSHOTS=1`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probes as registeredProbes } from '../../diagnostics/index.js';
import type { CheckResult, MachineSnapshot, Probe } from '../../diagnostics/types.js';
import { languageProblems } from '../renderer/helpers/language-scan.js';
import { createHostContext } from '../../diagnostics/context.js';
import { fakeFs, fakeOs } from '../fakes/fake-host.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

/** Committed screenshots are rewritten only on request (`UPDATE_SCREENSHOTS=1`). */
const SHOTS = resolve(
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'tests/e2e/screenshots' : 'tests/.tmp/screens',
);
const recorded = JSON.parse(
  readFileSync(resolve('tests/fixtures/snapshots/dns-down-commune-pc.json'), 'utf8'),
) as MachineSnapshot;

/** The probe that made a check: `network.*` came from the ladder, else the first two parts. */
function probeOf(check: CheckResult): string {
  return check.id.startsWith('network.')
    ? 'network.reachability'
    : check.id.split('.').slice(0, 2).join('.');
}

/** Replays the recorded checks through the real sweep, one probe per recorded probe id. */
const replayed: Probe[] = [...new Set(recorded.checks.map(probeOf))].map((id) => {
  const checks = recorded.checks.filter((c) => probeOf(c) === id);
  return {
    id,
    area: checks[0]!.area,
    title: checks[0]!.title,
    timeoutMs: 10_000,
    run: async () => checks.map(({ blockedBy: _, ...c }) => c),
  };
});
/**
 * The registry's probe ids stay known (checklists name them), but only the replayed ones run
 * in a sweep: the others are kept for checklist steps and never touch this machine's network.
 */
const replayIds = new Set(replayed.map((p) => p.id));
const replayProbes: Probe[] = [
  ...replayed,
  ...registeredProbes
    .filter((p) => !replayIds.has(p.id))
    .map((p) => ({ ...p, run: async () => [] })),
];

/** Fix ids named in diagnostics/, and what the opened checklist's title must say. */
const FIX_TITLES: Readonly<Record<string, RegExp>> = {
  'fix-clock': /đồng hồ và múi giờ/i,
  'fix-windows-upgrade': /Nâng cấp Windows/,
  'fix-windows-update': /Cập nhật Windows/,
  'fix-antivirus': /diệt virus/,
  'fix-firewall': /tường lửa/i,
  'fix-backup': /Sao lưu/,
  'fix-fonts': /phông chữ/i,
  'fix-signing-service': /dịch vụ ký số/,
  'fix-smartcard-service': /Smart Card/,
  'fix-root-ca': /chứng thư gốc/i,
  'fix-browser': /trình duyệt/i,
  'fix-office': /văn phòng/,
  'free-disk-space': /dung lượng ổ đĩa/,
  'renew-certificate': /Gia hạn .*chứng thư/,
  'install-token-driver': /Cài đặt .*token/,
  'install-unikey': /Gõ tiếng Việt/,
};

function fixIdsInDiagnostics(dir = 'diagnostics'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixIdsInDiagnostics(path);
    if (!name.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/checklistId:\s*'([a-z0-9-]+)'/g)].map(
      (m) => m[1]!,
    );
  });
}

/** Presses Tab until the element with `testId` has focus (keyboard only, bounded). */
async function tabTo(page: Page, testId: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** Layout problems of the page as it is: horizontal overflow, status badges on two lines. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`horizontal overflow: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const badge of document.querySelectorAll<HTMLElement>('.status')) {
      if (badge.offsetParent === null) continue;
      const line = parseFloat(getComputedStyle(badge).fontSize) * 2;
      if (badge.getBoundingClientRect().height > line)
        problems.push(`wrapped badge: ${badge.textContent ?? ''}`);
    }
    return problems;
  });
}

let app: WebApp;
beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startWebApp({
    viewport: { width: 1366, height: 768 },
    env: { diagnostics: { probes: replayProbes } },
  });
});
afterAll(async () => {
  await app?.close();
});

describe('one intern, one visit, keyboard only', () => {
  it('arrives, adds this PC, diagnoses it, follows a fix, records people helped, exports', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Hôm nay cần làm gì?' }).waitFor();
    // Arrive: "Bắt đầu chuyến công tác" on the home screen.
    await tabTo(page, 'new-commune');
    await page.keyboard.type('Xã Mỹ Khánh');
    await tabTo(page, 'new-province');
    await page.keyboard.type('Cần Thơ');
    await tabTo(page, 'new-interns');
    await page.keyboard.type('Trần Thị Ánh, Lê Đức Huỳnh');
    await tabTo(page, 'create-visit');
    await page.keyboard.press('Enter');
    await page.getByTestId('visit-editor').waitFor();
    // This PC, with its asset tag, diagnosed into the visit.
    await tabTo(page, 'attach-asset-tag');
    await page.keyboard.type('UBND-PC-01');
    await tabTo(page, 'attach-diagnose');
    await page.keyboard.press('Enter');
    const machines = page.getByTestId('machines');
    await expect.poll(() => machines.textContent(), { timeout: 60_000 }).toContain('UBND-PC-01');
    // One cause, one finding in the visit's machine row too.
    expect(await machines.textContent()).toMatch(/\d+ vấn đề .*11 bị ảnh hưởng/);
    // The second PC: Xã Số started there from the same data folder (the USB stick) finds the
    // active visit on its home screen; "Tiếp tục", then add that PC.
    const second = await startWebApp({
      viewport: { width: 1366, height: 768 },
      env: {
        dataDir: app.dataDir,
        host: {
          ...createHostContext(),
          os: fakeOs({ hostname: () => 'UBND-KETOAN-02' }),
          fs: fakeFs(),
        },
        diagnostics: { probes: replayProbes },
      },
    });
    try {
      const other = second.page;
      await other.getByTestId('home-visits').waitFor();
      await tabTo(other, 'home-continue');
      await other.keyboard.press('Enter');
      await other.getByTestId('visit-editor').waitFor();
      await tabTo(other, 'attach-asset-tag');
      await other.keyboard.type('UBND-PC-02');
      await tabTo(other, 'attach-diagnose');
      await other.keyboard.press('Enter');
      await expect
        .poll(() => other.getByTestId('machines').textContent(), { timeout: 60_000 })
        .toContain('UBND-PC-02');
    } finally {
      await second.close();
    }
    // Back at the first PC, the visit holds both.
    await page.reload();
    await page.getByTestId('visit-editor').waitFor();
    await expect.poll(() => machines.textContent()).toContain('UBND-PC-02');
    expect(await machines.textContent()).toContain('Máy đã chẩn đoán (2)');
    await machines.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'visit-1366x768.png') });
    // Follow the Windows Update fix into its checklist, and come back to the visit.
    await tabTo(page, 'machine-checks');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 200; i++) {
      const target = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-checklist-id'),
      );
      if (target === 'fix-windows-update') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Cập nhật Windows/);
    await page.screenshot({ path: join(SHOTS, 'checklist-run-1366x768.png') });
    await tabTo(page, 'wizard-back');
    await page.keyboard.press('Enter');
    await page.getByTestId('visit-editor').waitFor();
    await expect.poll(() => machines.textContent()).toMatch(/Cập nhật Windows/);
    // Three people helped: one row, three citizens.
    const people = page.getByTestId('people');
    await tabTo(page, 'add-person');
    await page.keyboard.press('Enter');
    await people.locator('input').first().waitFor();
    await page.keyboard.press('Shift+Tab'); // remove
    await page.keyboard.press('Shift+Tab'); // count
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Shift+Tab'); // task
    await page.keyboard.type('Kích hoạt VNeID mức 2');
    await page.keyboard.press('Shift+Tab'); // category
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('person-category').inputValue()).toBe('vneid-level2');
    await expect
      .poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toMatch(/✔/);
    // Export: the Zalo text, without leaving the visit.
    await tabTo(page, 'export-text');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('zalo-summary').inputValue(), { timeout: 20_000 })
      .toContain('Xã Mỹ Khánh');
    expect(await page.getByTestId('zalo-summary').inputValue()).toMatch(/3/);
    expect(await page.getByTestId('place-visit').count()).toBe(1);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('looks right at 1366×768 and 1920×1080: home, diagnosis with a DNS failure', async () => {
    const { page } = app;
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(app.url);
      await page.getByTestId('home-visits').waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `home-${width}x${height}.png`) });
      await page.goto(`${app.url}#/diagnose`);
      await page.getByTestId('diagnose-run').click();
      await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
      const network = page.getByTestId('area-network');
      expect(await network.locator(':scope > ul > li').count()).toBe(1);
      await network.getByTestId('affected').first().locator(':scope > summary').click();
      expect(await layoutProblems(page)).toEqual([]);
      await network.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `diagnosis-dns-${width}x${height}.png`) });
      if (width === 1920) {
        await page.goto(`${app.url}#/visit`);
        await page.getByTestId('visit-editor').waitFor();
        expect(await layoutProblems(page)).toEqual([]);
        await page.getByTestId('machines').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `visit-${width}x${height}.png`) });
        await page.goto(`${app.url}#/checklists/fix-clock`);
        await page.getByTestId('wizard').waitFor();
        expect(await layoutProblems(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `checklist-run-${width}x${height}.png`) });
      }
    }
  });
  it('every fix link opens the run of the checklist of that fix', async () => {
    const { page } = app;
    const ids = [...new Set(fixIdsInDiagnostics())].sort();
    expect(ids).toEqual(Object.keys(FIX_TITLES).sort());
    for (const id of ids) {
      await page.goto(`${app.url}#/checklists/${id}`);
      await page.getByTestId('wizard').waitFor();
      const title = page.getByRole('heading', { level: 1 });
      await expect.poll(() => title.textContent(), { message: id }).toMatch(FIX_TITLES[id]!);
      expect(await page.locator('main').textContent(), id).not.toContain(id);
    }
  });

  it('every place, in both languages, speaks only that language and shows no raw id', async () => {
    const { page } = app;
    const found: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      await page.goto(app.url);
      await page.getByTestId('home-visits').waitFor();
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      for (const route of ['', '#/diagnose', '#/checklists', '#/visit', '#/reports']) {
        await page.goto(`${app.url}${route}`);
        await page.locator('main h1').first().waitFor();
        // Every answer of the service in, nothing still loading.
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('main [aria-busy="true"]').count()).toBe(0);
        const texts = await page.evaluate(() => {
          const out: string[] = [];
          const leaves = document.querySelectorAll(
            'main p, main li, main h1, main h2, main h3, main summary, main span, main strong, main label, main button, main th, main td, main dt, main dd, main a, main option',
          );
          for (const e of leaves) {
            if (e.closest('[data-testid="technical-details"]')) continue;
            const own = [...e.childNodes]
              .filter((n) => n.nodeType === 3)
              .map((n) => n.textContent ?? '')
              .join(' ')
              .trim();
            if (own !== '') out.push(own);
          }
          return out;
        });
        expect(texts.length, `${lang} ${route}`).toBeGreaterThan(3);
        for (const text of texts)
          for (const problem of languageProblems(text, lang))
            found.push(`${lang} ${route || '#/'}: ${problem} in "${text}"`);
      }
    }
    await page.getByTestId('lang-switch').click();
    expect(found.join('\n')).toBe('');
  });
});
