/**
 * Signing-service checks against local stand-ins (tests/helpers/signing-service.ts): a WSS server
 * that answers the handshake, one that refuses it, and one that is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import { signingServicesProbe } from '../../../diagnostics/signature/signing-services.js';
import { wsHandshake } from '../../../diagnostics/signature/ws-handshake.js';
import { startSigningService, type SigningServiceStandIn } from '../../helpers/signing-service.js';

describe('local signing services by WebSocket handshake', () => {
  let answers: SigningServiceStandIn;
  let refuses: SigningServiceStandIn;
  let absent: SigningServiceStandIn;
  let plainWs: SigningServiceStandIn;

  beforeAll(async () => {
    answers = await startSigningService('answers', { path: '/plugin' });
    refuses = await startSigningService('refuses');
    absent = await startSigningService('absent');
    plainWs = await startSigningService('answers', { tls: false });
  });
  afterAll(async () => {
    await Promise.all([answers, refuses, absent, plainWs].map((s) => s?.close()));
  });

  it('handshake outcomes: answered, refused (HTTP 403), absent (connection refused)', async () => {
    expect(await wsHandshake(answers.url)).toMatchObject({ outcome: 'answered' });
    expect(await wsHandshake(plainWs.url)).toMatchObject({ outcome: 'answered' });
    expect(await wsHandshake(refuses.url)).toMatchObject({ outcome: 'refused', httpStatus: 403 });
    expect(await wsHandshake(absent.url)).toMatchObject({
      outcome: 'absent',
      reason: 'ECONNREFUSED',
    });
  });

  it('a VNPT plugin answering on its 3rd port is ok; VGCA absent warns; a squatter warns', async () => {
    const ctx = createProbeContext({
      settings: {
        signingServices: [
          { provider: 'vgca', url: absent.url },
          { provider: 'vnpt', url: absent.url },
          { provider: 'vnpt', url: refuses.url },
          { provider: 'vnpt', url: answers.url },
          { provider: 'other', url: refuses.url },
        ],
      },
    });
    const { checks } = await runSweep(ctx, { probes: [signingServicesProbe] });
    const by = (id: string) => checks.find((c) => c.id === `signature.services.${id}`);
    expect(by('vnpt')).toMatchObject({ status: 'ok' });
    expect(by('vgca')).toMatchObject({ status: 'warn' });
    expect(by('vgca')?.detail.en).toMatch(/not running/);
    expect(by('other')?.detail.en).toMatch(/held by another program/);
  });
});
