/**
 * The token checklist completed with the keyboard only, in Debian's Chromium, through the real
 * web door and service. Automatic steps meet real peers: a SoftHSM2 token (read by the real
 * `signature.token-certs` probe) and a WSS signing-service stand-in on loopback (VGCA). The clock
 * check is pointed at a closed loopback port, so it cannot pass and is overridden with a reason
 * (no traffic leaves this machine).
 */
import { createServer } from 'node:net';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunView } from '../../main/service/checklists/run-model.js';
import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { startSigningService, type SigningServiceStandIn } from '../helpers/signing-service.js';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftHsmToken } from '../helpers/softhsm.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

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
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
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

    const seen: string[] = [];
    for (let guard = 0; guard < 30; guard++) {
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      if (await page.getByTestId('finish').isVisible()) break;
      const step = await currentStep(page);
      if (seen.at(-1) === step) await page.waitForTimeout(50);
      seen.push(step);
      const kind = await page.getByTestId(`step-${step}`).getAttribute('data-kind');
      if (kind === 'instruction') {
        await tabTo(page, 'step-done');
        await page.keyboard.press('Enter');
      } else if (kind === 'question') {
        await tabTo(page, 'answer-yes');
        await page.keyboard.press('Space');
        await tabTo(page, 'step-save');
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, 'run-check');
        await page.keyboard.press('Enter');
        await page.getByTestId('check-status').locator('.status').waitFor().catch(async (e: unknown) => {
          await app.screenshot('checklists-debug');
          throw new Error(`step ${step} after ${seen.join(',')}: ${String(e)}`);
        });
        if (step === 'clock') {
          // No NTP server answers on the closed port: the check fails and is overridden by keyboard.
          await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Chưa đạt');
          await app.screenshot('checklists-check-failed');
          await tabTo(page, 'override-reason');
          await page.keyboard.type('Máy ở phòng họp không ra được Internet; đồng hồ đã so với điện thoại');
          await tabTo(page, 'override-save');
          await page.keyboard.press('Enter');
        } else {
          await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Đạt');
        }
      }
      await page.waitForFunction((id) => document.querySelector(`[data-testid="step-${id}"]`) === null || document.querySelector('[data-testid="finish"]') !== null, step);
    }
    expect(seen).toEqual(expect.arrayContaining(['pin-warning', 'driver-vgca', 'token-read', 'service-vgca-check', 'clock', 'test-signature']));
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

    // What the service saved: every step, the override reason, the sign-off.
    const reader = createService(defaultEnv({ door: 'test', version: '0.0.0-test', dataDir: app.dataDir }));
    const runs = await reader.invoke('checklists:list-runs', {});
    const runId = runs.ok ? (runs.value as { runId: string }[])[0]?.runId : undefined;
    const saved = await reader.invoke('checklists:get-run', { runId });
    const view = saved.ok ? (saved.value as RunView) : undefined;
    expect(view?.run.status).toBe('completed');
    expect(view?.run.steps['token-read']?.check?.passed).toBe(true);
    expect(view?.run.steps['service-vgca-check']?.check?.passed).toBe(true);
    expect(view?.run.steps['clock']?.overrideReason).toMatch(/đồng hồ/);
    expect(view?.run.signOff).toMatchObject({ name: 'Nguyễn Thị Hoa', method: 'typed' });
    expect(view?.run.signOff?.signaturePng).toMatch(/^data:image\/png;base64,/);
  });
});
