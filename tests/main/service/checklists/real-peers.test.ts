/**
 * Automatic steps of the token checklist against real peers: a SoftHSM2 token read by the real
 * `signature.token-certs` probe (through OpenSC's pkcs11-tool), and a local WSS signing-service
 * stand-in handshaken by the real `signature.services` probe.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../../diagnostics/index.js';
import { pkcs11ModulesProbe } from '../../../../diagnostics/signature/pkcs11-modules.js';
import { signingServicesProbe } from '../../../../diagnostics/signature/signing-services.js';
import { tokenCertsProbe } from '../../../../diagnostics/signature/token-certs.js';
import type { RunView } from '../../../../main/service/checklists/run-model.js';
import { startSigningService, type SigningServiceStandIn } from '../../../helpers/signing-service.js';
import { createSoftHsmToken, SOFTHSM_MODULE, softHsmAvailable, type SoftHsmToken } from '../../../helpers/softhsm.js';
import { makeService, type TestService } from './setup.js';

const probes = [tokenCertsProbe, signingServicesProbe, pkcs11ModulesProbe];

/** A check step whose measured certificate count becomes the fact `certs`. */
const FACTS_CHECKLIST = `schema: 1
id: facts
version: 1.0.0
task: other
title: { vi: Dữ kiện, en: Facts }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
steps:
  - id: count
    kind: check
    title: { vi: Đếm, en: Count }
    probe: signature.token-certs
    pass: { checkId: signature.token-certs, status: [ok] }
    facts: { certs: certificates }
    fix: { vi: Sửa, en: Fix }
  - id: three
    kind: instruction
    when: { fact: certs, equals: "3" }
    title: { vi: Ba, en: Three }
  - id: none
    kind: instruction
    when: { fact: certs, equals: "0" }
    title: { vi: Không, en: None }
`;
let token: SoftHsmToken | undefined;
let service: SigningServiceStandIn | undefined;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!softHsmAvailable()) throw new Error('softhsm2/opensc missing: run scripts/install-peers.sh');
  token = await createSoftHsmToken({ label: 'VGCA Test x5' });
  service = await startSigningService('answers');
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await service?.close();
  await token?.cleanup();
});

async function serviceWith(options: { withToken: boolean; serviceUrl: string }): Promise<TestService> {
  const ctx = createProbeContext({
    env: { ...process.env, ...(options.withToken && token ? token.env : { SOFTHSM2_CONF: '/nonexistent/softhsm2.conf' }) },
    settings: {
      pkcs11Modules: options.withToken ? [SOFTHSM_MODULE] : [],
      signingServices: [{ provider: 'vgca', url: options.serviceUrl }],
    },
  });
  const svc = await makeService({ probes, ctx });
  cleanups.push(svc.cleanup);
  return svc;
}

async function toVgcaChecks(svc: TestService): Promise<string> {
  const { run } = await svc.call('checklists:start-run', { checklistId: 'token-install' });
  await svc.call('checklists:answer', { runId: run.runId, stepId: 'provider', value: 'vgca' });
  return run.runId;
}

const stepOf = (view: RunView, id: string) => view.steps.find((s) => s.id === id);

describe('token checklist automatic steps against real peers', () => {
  it('passes "token read" on a real SoftHSM2 token and streams the check live', async () => {
    const svc = await serviceWith({ withToken: true, serviceUrl: service!.url });
    const runId = await toVgcaChecks(svc);
    const events: unknown[] = [];
    const view = await svc.call('checklists:run-check', { runId, stepId: 'token-read' }, (e) => events.push(e));
    expect(stepOf(view, 'token-read')).toMatchObject({ outcome: 'passed', complete: true });
    const saved = view.run.steps['token-read']?.check;
    expect(saved?.matched?.id).toBe('signature.token-certs');
    // The per-certificate checks are kept too (valid, expiring in 10 days, expired): the expired
    // one fails; the others warn at least because the test root is not a Vietnamese root.
    expect(saved?.checks).toHaveLength(4);
    expect(saved?.checks.map((c) => c.status)).toContain('fail');
    expect(events.map((e) => (e as { event: string }).event)).toContain('check-started');
    expect(events.filter((e) => (e as { event: string }).event === 'check').length).toBeGreaterThanOrEqual(1);
  });

  it('fails without a token; "check again" passes once it is there; an override needs a reason', async () => {
    const noToken = await serviceWith({ withToken: false, serviceUrl: service!.url });
    const runId = await toVgcaChecks(noToken);
    let view = await noToken.call('checklists:run-check', { runId, stepId: 'token-read' });
    expect(stepOf(view, 'token-read')).toMatchObject({ outcome: 'failed', missing: ['reason'] });
    expect(view.run.steps['token-read']?.check?.matched?.status).toBe('warn');
    const short = await noToken.service.invoke('checklists:override', { runId, stepId: 'token-read', reason: 'x' });
    expect(short.ok).toBe(false);
    view = await noToken.call('checklists:override', { runId, stepId: 'token-read', reason: 'Token đang ở Sở, mang về sau' });
    expect(stepOf(view, 'token-read')).toMatchObject({ outcome: 'overridden', missing: ['note'] });
    // Same run, the token is now plugged in: "check again" passes and clears the override.
    const withToken = await serviceWith({ withToken: true, serviceUrl: service!.url });
    const { cp } = await import('node:fs/promises');
    await cp(noToken.dataDir, withToken.dataDir, { recursive: true });
    view = await withToken.call('checklists:run-check', { runId, stepId: 'token-read' });
    expect(stepOf(view, 'token-read')).toMatchObject({ outcome: 'passed', complete: true });
    expect(view.run.steps['token-read']?.overrideReason).toBeUndefined();
  });

  it('turns a measured value into a fact that shows or skips later steps', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'x5-facts-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'facts.yaml'), FACTS_CHECKLIST);
    const ctx = createProbeContext({ env: { ...process.env, ...token!.env }, settings: { pkcs11Modules: [SOFTHSM_MODULE] } });
    const svc = await makeService({ probes, ctx, builtinDir: dir });
    cleanups.push(svc.cleanup);
    const { run } = await svc.call('checklists:start-run', { checklistId: 'facts' });
    const view = await svc.call('checklists:run-check', { runId: run.runId, stepId: 'count' });
    expect(view.run.facts['certs']).toBe('3');
    expect(stepOf(view, 'three')?.visible).toBe(true);
    expect(stepOf(view, 'none')?.visible).toBe(false);
  });

  it('measures which CA the installed driver belongs to; a generic driver is never "another CA"', async () => {
    const svc = await serviceWith({ withToken: true, serviceUrl: service!.url });
    const runId = await toVgcaChecks(svc);
    let view = await svc.call('checklists:get-run', { runId });
    expect(stepOf(view, 'driver-mismatch')?.visible).toBe(false);
    view = await svc.call('checklists:run-check', { runId, stepId: 'driver-check' });
    // The SoftHSM2 module is a generic (OpenSC-class) PKCS#11 module: it serves any CA, so the
    // "driver of another CA" warning stays hidden and the generic-driver note shows instead.
    expect(view.run.facts['driver']).toBe('generic');
    expect(stepOf(view, 'driver-check')?.outcome).toBe('passed');
    expect(stepOf(view, 'driver-mismatch')?.visible).toBe(false);
    expect(stepOf(view, 'driver-generic')?.visible).toBe(true);
  });

  it('checks the VGCA signing service by a real WebSocket handshake', async () => {
    const answering = await serviceWith({ withToken: true, serviceUrl: service!.url });
    let runId = await toVgcaChecks(answering);
    let view = await answering.call('checklists:run-check', { runId, stepId: 'service-vgca-check' });
    expect(stepOf(view, 'service-vgca-check')?.outcome).toBe('passed');

    const gone = await startSigningService('absent');
    const absent = await serviceWith({ withToken: true, serviceUrl: gone.url });
    runId = await toVgcaChecks(absent);
    view = await absent.call('checklists:run-check', { runId, stepId: 'service-vgca-check' });
    expect(stepOf(view, 'service-vgca-check')?.outcome).toBe('failed');
    expect(view.run.steps['service-vgca-check']?.check?.matched?.status).toBe('warn');
  });
});
