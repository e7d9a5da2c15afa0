/**
 * Probe `signature.store-certs`: certificates in the Windows user store (`Cert:\CurrentUser\My`,
 * where token managers propagate token certificates), judged like token certificates; chains
 * are built with the CA stores and the machine's trusted-root fingerprints.
 */
import { X509Certificate } from 'node:crypto';

import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { evaluateCertificate } from './cert-eval.js';
import { rootsOf } from './roots.js';
import { readWin32Store } from './store-certs-win32.js';
import type { StoreCerts } from './types.js';

export type { StoreCerts } from './types.js';
export { parseStoreCerts } from './store-certs-win32.js';

const meta = {
  id: 'signature.store-certs',
  area: 'signature',
  title: t('Chứng thư chữ ký số trong Windows', 'Certificates in the Windows store'),
} as const;

/** Checks for the personal certificates that have a private key (signing certificates). */
export function evaluateStore(store: StoreCerts, ctx: ProbeContext): CheckResult[] {
  const signing = store.my.filter((c) => c.hasPrivateKey);
  if (signing.length === 0) {
    return [
      check({
        ...meta,
        status: 'warn',
        detail: t(
          `Không có chứng thư ký số nào trong kho cá nhân (có ${store.my.length} chứng thư không kèm khoá).`,
          `No signing certificate in the personal store (${store.my.length} without a key).`,
        ),
        values: { personal: store.my.length, signing: 0 },
        fix: {
          text: t(
            'Cắm token và mở phần mềm quản lý token để đưa chứng thư vào Windows.',
            'Plug in the token and open its token manager so it registers the certificate in Windows.',
          ),
        },
      }),
    ];
  }
  const pool = [...store.ca, ...store.my.map((c) => c.der)].map((d) => new X509Certificate(d));
  const results = signing.map((c) =>
    evaluateCertificate({
      der: c.der,
      where: t('Kho Windows', 'Windows store').vi,
      idPrefix: 'signature.store-cert',
      now: ctx.now(),
      pool,
      roots: rootsOf(ctx),
      rootHashes: store.rootSha256,
    }),
  );
  return [
    check({
      ...meta,
      status: 'ok',
      detail: t(
        `${signing.length} chứng thư ký số trong kho cá nhân.`,
        `${signing.length} signing certificate(s) in the personal store.`,
      ),
      values: {
        personal: store.my.length,
        signing: signing.length,
        trustedRoots: store.rootSha256.size,
      },
    }),
    ...results,
  ];
}

function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32':
      return runWin32(ctx, signal);
    case 'linux':
    case 'darwin':
      return Promise.resolve(notApplicableHere());
    default:
      return assertNever(ctx.platform);
  }
}

function notApplicableHere(): CheckResult[] {
  return [
    notApplicable(
      meta,
      t(
        'Không áp dụng trên Linux: không có kho chứng thư của Windows (chứng thư trên token được kiểm ở mục riêng).',
        'Not applicable on Linux: there is no Windows certificate store (token certificates are checked separately).',
      ),
      'Linux has no Windows certificate store',
    ),
  ];
}

async function runWin32(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const store = await readWin32Store(ctx, signal);
  return store.status === 'ok' ? evaluateStore(store.data, ctx) : [unknownFrom(meta, store)];
}

/** The probe. */
export const storeCertsProbe: Probe = { ...meta, timeoutMs: 30_000, run };
