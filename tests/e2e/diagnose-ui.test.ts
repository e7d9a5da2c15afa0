/**
 * The Diagnose place in Debian Chromium against the real web door and service: the real probes
 * of this machine (hardware, OS, software, signature) with loopback peers — a SoftHSM2 token,
 * a signing-service stand-in — then cancel on a sweep that has a slow probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { machineProbes } from '../../diagnostics/machine-probes.js';
import type { Probe } from '../../diagnostics/types.js';
import { startSigningService, type SigningServiceStandIn } from '../helpers/signing-service.js';
import { createSoftHsmToken, softHsmAvailable, type SoftHsmToken } from '../helpers/softhsm.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

const slowProbe: Probe = {
  id: 'hardware.slow-test',
  area: 'hardware',
  title: { vi: 'Bước chậm (thử huỷ)', en: 'Slow step (cancel test)' },
  timeoutMs: 60_000,
  run: (_ctx, { signal }) =>
    new Promise((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new Error('aborted'))),
    ),
};

describe.skipIf(!softHsmAvailable())('Diagnose place in Chromium', () => {
  let app: WebApp;
  let token: SoftHsmToken;
  let vgca: SigningServiceStandIn;
  const probes: Probe[] = [...machineProbes];

  beforeAll(async () => {
    token = await createSoftHsmToken();
    process.env['SOFTHSM2_CONF'] = token.conf;
    vgca = await startSigningService('answers');
    app = await startWebApp({
      env: {
        diagnostics: {
          probes,
          settings: {
            ntpServer: '127.0.0.1:9',
            pkcs11Modules: [token.modulePath],
            signingServices: [{ provider: 'vgca', url: vgca.url }],
          },
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await vgca?.close();
    await token?.cleanup();
    delete process.env['SOFTHSM2_CONF'];
  });

  it('one button runs the sweep; verdict first, then grouped checks with status words', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/diagnose`);
    await page.getByTestId('asset-tag').fill('UBND-PC-09');
    await page.getByTestId('diagnose-run').click();
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('verdict').textContent()).toMatch(/vấn đề cần xử lý|sẵn sàng/);
    expect(await page.getByTestId('verdict').textContent()).toContain('UBND-PC-09');
    const expired = page.locator('[data-testid="check"][data-status="fail"]', {
      hasText: 'Lê Văn Cường',
    });
    await expired.waitFor();
    expect(await expired.textContent()).toMatch(/Lỗi|lỗi/);
    expect(await expired.textContent()).toContain('Cách khắc phục');
    expect(
      await page.locator('[data-check-id="signature.services.vgca"]').getAttribute('data-status'),
    ).toBe('ok');
    // Problems are grouped by area: signature has one for sure (the expired test certificate);
    // the others depend on this machine (load, disk), so only their shape is checked.
    await page.getByTestId('area-signature').waitFor();
    const areas = await page
      .locator('[data-testid^="area-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    for (const area of areas)
      expect(['hardware', 'os', 'software', 'signature', 'network', 'printers']).toContain(
        area?.slice('area-'.length),
      );
    await app.screenshot('diagnose-verdict-vi');
  });

  it('shows live progress per probe and cancels with Esc', async () => {
    probes.push(slowProbe);
    try {
      const { page } = app;
      await page.goto(`${app.url}#/diagnose`);
      await page.getByTestId('diagnose-run').click();
      await page
        .locator('[data-testid="probe-row"][data-state="running"]', { hasText: 'Bước chậm' })
        .waitFor();
      await expect
        .poll(() => page.locator('[data-testid="probe-row"][data-state="done"]').count())
        .toBeGreaterThan(5);
      await app.screenshot('diagnose-progress-vi');
      await page.keyboard.press('Escape');
      await page.getByTestId('diagnose-cancelled').waitFor();
      await page.getByTestId('diagnose-run').waitFor();
    } finally {
      probes.pop();
    }
  });

  it('has the network, printers and LAN-scan tabs, reachable with arrow keys', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/diagnose`);
    await page.getByTestId('diagnose-tab-machine').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('diagnose-tab-network').getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.getByTestId('network-panel').waitFor({ state: 'attached' });
    await page.keyboard.press('End');
    expect(await page.getByTestId('diagnose-tab-scan').getAttribute('aria-selected')).toBe('true');
  });
});
