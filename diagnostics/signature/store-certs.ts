/**
 * Probe `signature.store-certs`: certificates in the Windows user store (`Cert:\CurrentUser\My`,
 * where token managers propagate token certificates), judged like token certificates; chains
 * are built with the CA stores and the machine's trusted-root fingerprints.
 */
import { createHash, X509Certificate } from 'node:crypto';

import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, bool, str } from '../windows/powershell.js';
import { evaluateCertificate } from './cert-eval.js';
import { rootsOf } from './roots.js';

/** Parsed `certs` section. */
export type StoreCerts = Readonly<{
  my: { der: Buffer; hasPrivateKey: boolean }[];
  ca: Buffer[];
  rootSha256: Set<string>;
}>;

/**
 * Parses the `certs` section: each certificate's DER as hex (`DerHex`, through `[BitConverter]`,
 * which Constrained Language Mode allows) or base64 (`Der`, older captures); trusted roots as
 * their DER (`Root`), hashed here, or as SHA-256 hex (`RootSha256`, older captures).
 */
export function parseStoreCerts(section: unknown): StoreCerts {
  const obj = (typeof section === 'object' && section !== null ? section : {}) as Record<
    string,
    unknown
  >;
  const der = (item: unknown): Buffer | undefined => {
    const hex = str(item, 'DerHex');
    if (hex !== undefined && /^(?:[0-9a-fA-F]{2})+$/.test(hex)) return Buffer.from(hex, 'hex');
    const b64 = str(item, 'Der');
    return b64 === undefined ? undefined : Buffer.from(b64, 'base64');
  };
  const ders = (list: unknown): Buffer[] => asArray(list).flatMap((c) => der(c) ?? []);
  const hashed = ders(obj['Root']).map((d) => createHash('sha256').update(d).digest('hex'));
  const given = asArray(obj['RootSha256'])
    .filter((h): h is string => typeof h === 'string')
    .map((h) => h.toLowerCase());
  return {
    my: asArray(obj['My']).flatMap((c) => {
      const d = der(c);
      return d ? [{ der: d, hasPrivateKey: bool(c, 'HasPrivateKey') ?? false }] : [];
    }),
    ca: ders(obj['CA']),
    rootSha256: new Set([...hashed, ...given]),
  };
}

const meta = {
  id: 'signature.store-certs',
  area: 'signature',
  title: t('Chứng thư số trong Windows', 'Certificates in the Windows store'),
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
  const section = await windowsSection(ctx, 'certs', signal);
  return section.status === 'ok'
    ? evaluateStore(parseStoreCerts(section.data), ctx)
    : [unknownFrom(meta, section)];
}

/** The probe. */
export const storeCertsProbe: Probe = { ...meta, timeoutMs: 30_000, run };
