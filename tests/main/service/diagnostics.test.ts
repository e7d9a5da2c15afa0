/**
 * The `diagnostics:*` channels through the real service, and the whole sweep against this
 * Linux machine (network-facing probes pointed at loopback peers started here: an SNTP server,
 * signing-service stand-ins, a SoftHSM2 token).
 */
import type { Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MachineSnapshot } from '../../../diagnostics/types.js';
import { probes } from '../../../diagnostics/probes.js';
import type { Progress } from '../../../main/service/define.js';
import type { DiagnosticsProgressData } from '../../../main/service/diagnostics/contract.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { createSoftHsmToken, softHsmAvailable, type SoftHsmToken } from '../../helpers/softhsm.js';
import { startSigningService, type SigningServiceStandIn } from '../../helpers/signing-service.js';
import { startSntpServer } from '../../helpers/sntp-server.js';

const MACHINE_AREAS: string[] = ['hardware', 'os', 'software', 'signature'];

describe('diagnostics:run through the service (real Linux machine, loopback peers)', () => {
  let service: Service;
  let dataDir: string;
  let ntp: { server: string; socket: Socket };
  let vgca: SigningServiceStandIn;
  let token: SoftHsmToken | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xaso-diag-'));
    ntp = await startSntpServer();
    vgca = await startSigningService('answers');
    token = softHsmAvailable() ? await createSoftHsmToken() : undefined;
    if (token) process.env['SOFTHSM2_CONF'] = token.conf;
    service = createService(
      defaultEnv({
        dataDir,
        door: 'test',
        version: 'test',
        diagnostics: {
          settings: {
            ntpServer: ntp.server,
            signingServices: [{ provider: 'vgca', url: vgca.url }],
            ...(token ? { pkcs11Modules: [token.modulePath] } : {}),
          },
        },
      }),
    );
  });
  afterAll(async () => {
    ntp?.socket.close();
    await vgca?.close();
    await token?.cleanup();
    delete process.env['SOFTHSM2_CONF'];
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the whole sweep, streams progress per probe and returns a valid snapshot', async () => {
    const events: Progress[] = [];
    // Network and printer probes run only inside a namespace (tests/e2e/diagnose-cli.test.ts).
    const result = await service.invoke(
      'diagnostics:run',
      { assetTag: 'UBND-PC-03', only: MACHINE_AREAS },
      { onProgress: (e) => events.push(e) },
    );
    expect(result.ok).toBe(true);
    const snapshot = (result as { value: MachineSnapshot }).value;
    expect(snapshot).toMatchObject({
      schema: 1,
      platform: 'linux',
      machine: { assetTag: 'UBND-PC-03' },
    });
    expect(snapshot.machine.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(snapshot.checks.map((c) => c.area))).toEqual(new Set(MACHINE_AREAS));
    const total = Object.values(snapshot.summary).reduce((a, b) => a + b, 0);
    expect(total).toBe(snapshot.checks.length);
    for (const check of snapshot.checks) {
      if (check.status === 'unknown') expect(check.reason, check.id).toBeTruthy();
    }
    const finished = events.filter((e) => e.event === 'probe-finished');
    expect(finished).toHaveLength(probes.filter((p) => MACHINE_AREAS.includes(p.area)).length);
    expect(finished.at(-1)?.percent).toBe(100);
    expect((finished[0]?.data as DiagnosticsProgressData).checks?.length).toBeGreaterThan(0);
    // Peers we started answer: the clock is right, the VGCA stand-in answers, the token is read.
    expect(snapshot.checks.find((c) => c.id === 'os.clock')?.status).toBe('ok');
    expect(snapshot.checks.find((c) => c.id === 'signature.services.vgca')?.status).toBe('ok');
    // The test CA is not a Vietnamese root, so even the valid certificate warns (unknown CA).
    if (token)
      expect(
        snapshot.checks
          .filter((c) => c.id.startsWith('signature.token-cert.'))
          .map((c) => c.status)
          .sort(),
      ).toEqual(['fail', 'warn', 'warn']);
  });

  it('--only keeps the named areas and probe ids', async () => {
    const result = await service.invoke('diagnostics:run', { only: ['os', 'software.fonts'] });
    const snapshot = (result as { value: MachineSnapshot }).value;
    expect(new Set(snapshot.checks.map((c) => c.id.split('.')[0]))).toEqual(
      new Set(['os', 'software']),
    );
    expect(snapshot.checks.filter((c) => c.area === 'software').map((c) => c.id)).toEqual([
      'software.fonts',
    ]);
  });

  it('rejects unknown areas and extra fields with a readable reason', async () => {
    const bad = await service.invoke('diagnostics:run', { only: ['gpu'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(bad)).toMatch(/gpu/);
    const extra = await service.invokeUnknown('diagnostics:run', { pin: '1234' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('cancelling ends the request as cancelled', async () => {
    const controller = new AbortController();
    const pending = service.invoke('diagnostics:run', {}, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('lists the probes', async () => {
    const result = await service.invoke('diagnostics:probes', {});
    expect(result.ok && (result.value as unknown[]).length).toBe(probes.length);
  });
});
