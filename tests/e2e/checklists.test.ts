/**
 * The token checklist completed with the keyboard only, in Debian's Chromium, through the real
 * web door and service. Automatic steps meet real peers: a SoftHSM2 token (read by the real
 * `signature.token-certs` probe) and a WSS signing-service stand-in on loopback (VGCA). The clock
 * check is pointed at a closed loopback port, so it cannot pass and is overridden with a reason
 * (no traffic leaves this machine).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { startSigningService, type SigningServiceStandIn } from '../helpers/signing-service.js';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftHsmToken } from '../helpers/softhsm.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

const BUILTIN_DIR = resolve('checklists');
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Presses Tab until the element with `testId` has focus (keyboard only, like a person). */
async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId)
      return;
    await page.keyboard.press('Tab');
  }
  await page.screenshot({ path: 'tests/.tmp/screens/checklists-tab-debug.png', fullPage: true });
  throw new Error(
    `Tab never reached ${testId} (on ${await page.evaluate(() => document.querySelector('section.cl-step')?.getAttribute('data-testid') ?? '-')})`,
  );
}

async function currentStep(page: Page): Promise<string> {
  const section = page.locator('section.cl-step').first();
  await section.waitFor();
  return ((await section.getAttribute('data-testid')) ?? '').replace(/^step-/, '');
}

async function waitForStep(page: Page, id: string): Promise<void> {
  await page.getByTestId(`step-${id}`).waitFor();
}

describe('token checklist in Chromium, keyboard only', () => {
  let app: WebApp;
  let token: SoftHsmToken;
  let signing: SigningServiceStandIn;
  beforeAll(async () => {
    token = await createSoftHsmToken({ label: 'VGCA e2e x5' });
    signing = await startSigningService('answers');
    process.env['SOFTHSM2_CONF'] = token.env.SOFTHSM2_CONF;
    app = await startWebApp({
      env: {
        diagnostics: {
          settings: {
            pkcs11Modules: [SOFTHSM_MODULE],
            signingServices: [{ provider: 'vgca', url: signing.url }],
            ntpServer: `127.0.0.1:${await closedPort()}`,
          },
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await signing?.close();
    await token?.cleanup();
  });

  it('installs and verifies a VGCA token step by step, then signs off', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/checklists`);
    await page.getByTestId('checklist-token-install').waitFor();
    await tabTo(page, 'start-token-install');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'provider');
    await app.screenshot('checklists-wizard-start');

    // Which CA: VGCA (the first option), saved.
    await tabTo(page, 'answer-vgca');
    await page.keyboard.press('Space');
    await tabTo(page, 'step-save');
    await page.keyboard.press('Enter');
    await page.getByTestId('step-provider').waitFor({ state: 'detached' });

    const seen: string[] = [];
    for (let guard = 0; guard < 30; guard++) {
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      if (await page.getByTestId('finish').isVisible()) break;
      const step = await currentStep(page);
      seen.push(step);
      const kind = await page.getByTestId(`step-${step}`).getAttribute('data-kind');
      if (kind === 'instruction') {
        await tabTo(page, 'step-done');
        await page.keyboard.press('Enter');
      } else if (step === 'roots-vgca-verify') {
        // The downloaded root is checked before anyone installs it: this file is not the root,
        // so its SHA-256 (computed in the page) fails, the install step stays hidden and the
        // failing answer asks for a note.
        await page.getByTestId('answer-file-sha256').setInputFiles({
          name: 'rootcag2.crt',
          mimeType: 'application/x-x509-ca-cert',
          buffer: Buffer.from('not the Government CA root'),
        });
        await page.getByTestId('answer-sha256').waitFor();
        await tabTo(page, 'step-save');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('missing').textContent()).toContain('ghi chú');
        await tabTo(page, 'evidence-note');
        await page.keyboard.type('Tệp tải về không khớp mã SHA-256: không cài, xin tệp từ Sở');
        await tabTo(page, 'evidence-save');
        await page.keyboard.press('Enter');
      } else if (kind === 'question') {
        await tabTo(page, 'answer-yes');
        await page.keyboard.press('Space');
        await tabTo(page, 'step-save');
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, 'run-check');
        await page.keyboard.press('Enter');
        // The check runs live; a pass moves on to the next step, a failure stays with its verdict.
        await page.waitForFunction((id) => {
          const el = document.querySelector(`[data-testid="step-${id}"]`);
          return el === null || el.querySelector('[data-testid="check-status"] .status') !== null;
        }, step);
        const stillHere = await page.getByTestId(`step-${step}`).isVisible();
        // The clock check cannot pass (no NTP server answers on the closed port); any check this
        // machine cannot pass is overridden by keyboard, with a reason.
        if (step === 'clock') expect(stillHere).toBe(true);
        if (stillHere) {
          await expect
            .poll(() => page.getByTestId('check-status').textContent())
            .toContain('Không đạt');
          if (step === 'clock') await app.screenshot('checklists-check-failed');
          await tabTo(page, 'override-reason');
          await page.keyboard.type(
            'Máy ở phòng họp không ra được Internet; đồng hồ đã so với điện thoại',
          );
          await tabTo(page, 'override-save');
          await page.keyboard.press('Enter');
        }
      }
      await page.waitForFunction(
        (id) =>
          document.querySelector(`[data-testid="step-${id}"]`) === null ||
          document.querySelector('[data-testid="finish"]') !== null,
        step,
      );
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        'pin-warning',
        'driver-vgca',
        'driver-check',
        'token-read',
        'service-vgca-check',
        'clock',
        'test-signature',
        'roots-vgca-verify',
        'browser-local-network',
      ]),
    );
    expect(seen).not.toContain('roots-vgca');
    expect(seen).not.toContain('driver-vnpt');
    expect(seen).not.toContain('ksp-workaround');

    // Sign-off by the official: name, position, and the typed-name alternative to drawing.
    await page.getByTestId('sign-off').waitFor();
    await tabTo(page, 'signoff-name');
    await page.keyboard.type('Nguyễn Thị Hoa');
    await tabTo(page, 'signoff-position');
    await page.keyboard.type('Phó Chủ tịch UBND xã');
    await tabTo(page, 'signoff-typed');
    await page.keyboard.type('Nguyễn Thị Hoa');
    await tabTo(page, 'signoff-submit');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed').waitFor();
    await app.screenshot('checklists-signed');
    // The same run in English: content and UI switch together.
    await tabTo(page, 'lang-switch');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Install and verify a USB signing token' }).waitFor();
    await expect.poll(() => page.getByTestId('finish').textContent()).toContain('Completed');
    await app.screenshot('checklists-signed-en');
    await page.getByTestId('lang-switch').press('Enter');

    // What the service saved: every step, the override reason, the sign-off.
    const reader = createService(
      defaultEnv({ door: 'test', version: '0.0.0-test', dataDir: app.dataDir }),
    );
    const runs = await reader.invoke('checklists:list-runs', {});
    const runId = runs.ok ? runs.value[0]?.runId : undefined;
    expect(runId).toBeDefined();
    const saved = await reader.invoke('checklists:get-run', { runId: runId ?? '' });
    const view = saved.ok ? saved.value : undefined;
    expect(view?.run.status).toBe('completed');
    expect(view?.run.steps['token-read']?.check?.passed).toBe(true);
    expect(view?.run.steps['service-vgca-check']?.check?.passed).toBe(true);
    expect(view?.run.steps['clock']?.overrideReason).toMatch(/đồng hồ/);
    expect(view?.run.signOff).toMatchObject({ name: 'Nguyễn Thị Hoa', method: 'typed' });
    expect(view?.run.signOff?.signaturePng).toMatch(/^data:image\/png;base64,/);
  });

  it('asks a failing answer for its note, keeps a photo, and imports a newer checklist after a preview', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/checklists`);
    // The tab reopens the last run (resume after a reload): go back to the list.
    await page.getByTestId('wizard-back').click();
    await page.getByTestId('start-printer-share-usb').click();
    await page.getByTestId('step-host-works').waitFor();
    await page.getByTestId('answer-yes').check();
    await page.getByTestId('step-save').click();
    await page.getByTestId('step-share').waitFor();
    // Review: go back to the first step from the step list and change the answer to "no".
    await page
      .getByRole('navigation', { name: 'Các bước' })
      .getByRole('button', { name: /Máy có cắm máy in/ })
      .click();
    await page.getByTestId('answer-no').check();
    await page.getByTestId('step-save').click();
    await expect.poll(() => page.getByTestId('missing').textContent()).toContain('ghi chú');
    await page.getByTestId('evidence-photo').setInputFiles({
      name: 'den-do.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1PX, 'base64'),
    });
    await page.getByRole('img', { name: 'den-do.png' }).waitFor();
    await page.getByTestId('evidence-note').fill('Máy in báo kẹt giấy, đèn đỏ nhấp nháy');
    await page.getByTestId('evidence-save').click();
    await page.getByTestId('finish').waitFor();
    // The other steps were skipped by the "no" answer.
    await expect.poll(() => page.locator('.cl-steplist li').count()).toBe(1);

    // Supervisor import: a newer version of a built-in, previewed, then confirmed.
    await page.getByTestId('wizard-back').click();
    await page.getByTestId('import').locator('summary').click();
    const text = (await readFile(join(BUILTIN_DIR, 'dvc-dossier.yaml'), 'utf8')).replace(
      /^version: .*$/m,
      'version: 1.2.0',
    );
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'dvc.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await expect
      .poll(() => page.getByTestId('import-preview').textContent())
      .toMatch(/từ phiên bản \d+\.\d+\.\d+ lên 1\.2\.0/);
    await page.getByTestId('import-confirm').click();
    await expect
      .poll(() => page.getByTestId('checklist-dvc-dossier').textContent())
      .toContain('đã nhập');
    // A broken file is refused with its line.
    await page.getByTestId('import-file').setInputFiles({
      name: 'hong.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('schema: 1\nid: x\nversion: [\n'),
    });
    await expect
      .poll(() => page.getByTestId('import-preview').textContent())
      .toMatch(/hong\.yaml:\d+:\d+/);
    await app.screenshot('checklists-import-refused');
  });
});
