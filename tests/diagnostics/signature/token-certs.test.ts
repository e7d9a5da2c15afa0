/**
 * Token checks against a REAL PKCS#11 token: SoftHSM2 holding certificates that are valid,
 * expiring in 10 days and expired (tests/helpers/softhsm.ts), read with OpenSC pkcs11-tool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import { tokenCertsProbe } from '../../../diagnostics/signature/token-certs.js';
import { pkcs11ModulesProbe } from '../../../diagnostics/signature/pkcs11-modules.js';
import type { ProbeContext } from '../../../diagnostics/types.js';
import { createSoftHsmToken, softHsmAvailable, type SoftHsmToken } from '../../helpers/softhsm.js';

describe.skipIf(!softHsmAvailable())('signature.token-certs on a SoftHSM2 token', () => {
  let token: SoftHsmToken;
  let ctx: ProbeContext;
  const commands: string[][] = [];

  beforeAll(async () => {
    token = await createSoftHsmToken();
    const base = createProbeContext();
    ctx = createProbeContext({
      env: { ...process.env, ...token.env },
      run: (file, args, options) => {
        commands.push([file, ...args]);
        return base.run(file, args, options);
      },
      settings: {
        pkcs11Modules: [token.modulePath],
        vnRoots: [
          {
            id: 'test',
            name: 'Xa So Test Root',
            kind: 'public',
            sha256: token.ca.sha256,
            subjectMatch: [],
            source: 'test',
          },
        ],
      },
    });
  });
  afterAll(() => token?.cleanup());

  it('reads every certificate and judges valid / expiring / expired', async () => {
    const { checks } = await runSweep(ctx, { probes: [tokenCertsProbe] });
    const byCn = (cn: string) => checks.find((c) => String(c.values?.['subject']).includes(cn));
    expect(checks[0]).toMatchObject({
      id: 'signature.token-certs',
      status: 'ok',
      values: { certificates: 3 },
    });
    expect(byCn('Nguyễn Văn An')).toMatchObject({
      status: 'ok',
      values: { validity: 'valid', chain: 'trusted' },
    });
    expect(byCn('Trần Thị Bình')).toMatchObject({
      status: 'warn',
      values: { validity: 'expiring', daysLeft: 10 },
    });
    expect(byCn('Lê Văn Cường')).toMatchObject({
      status: 'fail',
      values: { validity: 'expired', daysLeft: -5 },
    });
    expect(byCn('Lê Văn Cường')?.fix?.checklistId).toBe('renew-certificate');
  });

  it('never logs in or passes a PIN', () => {
    const flat = commands.flat();
    expect(commands.length).toBeGreaterThan(0);
    expect(flat).not.toContain('--login');
    expect(flat.some((a) => /pin/i.test(a))).toBe(false);
  });

  it('without the test root, the chain is "unknown-ca" and the check warns', async () => {
    const noRoot = { ...ctx, settings: { ...ctx.settings, vnRoots: [] } };
    const { checks } = await runSweep(noRoot, { probes: [tokenCertsProbe] });
    expect(
      checks.find((c) => String(c.values?.['subject']).includes('Nguyễn Văn An')),
    ).toMatchObject({ status: 'warn', values: { chain: 'unknown-ca' } });
  });

  it('an empty module slot list is "no token", not "could not check"', async () => {
    const empty = await createSoftHsmToken({ certs: [], includeCa: false, label: 'Empty' });
    try {
      const emptyCtx = { ...ctx, env: { ...process.env, ...empty.env } };
      const { checks } = await runSweep(emptyCtx, { probes: [tokenCertsProbe] });
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ status: 'warn', values: { certificates: 0 } });
    } finally {
      await empty.cleanup();
    }
  });

  it('finds the module file and reads its bitness from the ELF header', async () => {
    const { checks } = await runSweep(ctx, { probes: [pkcs11ModulesProbe] });
    const mine = checks
      .flatMap(
        (c) => (c.values?.['modules'] as { path: string; arch?: string }[] | undefined) ?? [],
      )
      .find((m) => m.path === token.modulePath);
    expect(mine?.arch).toBe('x64');
  });
});
