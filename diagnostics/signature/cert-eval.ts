/**
 * Judges one signing certificate: validity window (warn 30 days before expiry, fail when expired
 * or not yet valid) and chain to a Vietnamese root.
 */
import { X509Certificate } from 'node:crypto';

import { check, t } from '../checks.js';
import type { CheckResult, CheckStatus, VnRoot } from '../types.js';
import { VN_ROOTS } from './roots.js';

const DAY = 86_400_000;
/** Days before expiry from which a certificate is a warning. */
export const EXPIRY_WARN_DAYS = 30;

/** How a certificate's chain ends. */
export type ChainVerdict = Readonly<{
  status: 'trusted' | 'named' | 'unknown-ca';
  root?: string;
  kind?: VnRoot['kind'];
  issuer: string;
}>;

function sha256(cert: X509Certificate): string {
  return cert.fingerprint256.replace(/:/g, '').toLowerCase();
}

/** The CN of a distinguished name as Node prints it (`CN=…` lines). */
export function commonName(dn: string): string {
  return /(?:^|\n)CN=(.*)/.exec(dn)?.[1]?.trim() ?? dn.split('\n').join(', ');
}

/**
 * Follows issuers through `pool` (verifying each signature) and names the root: `trusted` when a
 * certificate of the chain has a known root fingerprint, `named` when a subject/issuer matches a
 * known root or public CA by name only, `unknown-ca` otherwise.
 */
export function chainOf(
  leaf: X509Certificate,
  pool: readonly X509Certificate[],
  roots: readonly VnRoot[],
  rootHashes: ReadonlySet<string> = new Set(),
): ChainVerdict {
  const chain = [leaf];
  for (let cert = leaf; chain.length < 8;) {
    const parent = pool.find(
      (c) => c.subject === cert.issuer && cert.checkIssued(c) && cert.verify(c.publicKey),
    );
    if (parent === undefined || parent === cert) break;
    chain.push(parent);
    cert = parent;
  }
  const top = chain[chain.length - 1]!;
  for (const cert of chain) {
    const root = roots.find((r) => r.sha256 !== undefined && r.sha256 === sha256(cert));
    if (root)
      return {
        status: 'trusted',
        root: root.name,
        kind: root.kind,
        issuer: commonName(leaf.issuer),
      };
  }
  const names = chain
    .map((c) => `${c.subject}\n${c.issuer}`)
    .join('\n')
    .toLowerCase();
  const named = roots.find((r) => r.subjectMatch.some((m) => names.includes(m.toLowerCase())));
  if (named) {
    const present = named.sha256 !== undefined && rootHashes.has(named.sha256);
    return {
      status: present ? 'trusted' : 'named',
      root: named.name,
      kind: named.kind,
      issuer: commonName(top.issuer),
    };
  }
  const publicCa = VN_ROOTS.publicCaIssuers.find((n) => names.includes(n.toLowerCase()));
  if (publicCa)
    return {
      status: 'named',
      root: VN_ROOTS.roots[0]!.name,
      kind: 'public',
      issuer: commonName(leaf.issuer),
    };
  return { status: 'unknown-ca', issuer: commonName(leaf.issuer) };
}

/** Validity status of a certificate at `now`. */
export function validityStatus(
  cert: X509Certificate,
  now: number,
): {
  status: CheckStatus;
  daysLeft: number;
  state: 'valid' | 'expiring' | 'expired' | 'not-yet-valid';
} {
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  const daysLeft = Math.round((to - now) / DAY);
  if (now < from) return { status: 'fail', daysLeft, state: 'not-yet-valid' };
  if (now > to) return { status: 'fail', daysLeft, state: 'expired' };
  if (daysLeft <= EXPIRY_WARN_DAYS) return { status: 'warn', daysLeft, state: 'expiring' };
  return { status: 'ok', daysLeft, state: 'valid' };
}

const STATE_TEXT = {
  valid: (d: number) => t(`còn hạn (${d} ngày nữa)`, `valid (${d} more days)`),
  expiring: (d: number) => t(`sắp hết hạn: còn ${d} ngày`, `expires in ${d} days`),
  expired: (d: number) => t(`đã hết hạn ${-d} ngày trước`, `expired ${-d} days ago`),
  'not-yet-valid': () =>
    t('chưa đến ngày có hiệu lực (kiểm tra đồng hồ máy)', 'not valid yet (check the system clock)'),
};

/** One check for one certificate found at `where` (e.g. "token VNPT-CA Test"). */
export function evaluateCertificate(
  input: Readonly<{
    der: Buffer;
    where: string;
    idPrefix: string;
    now: number;
    pool: readonly X509Certificate[];
    roots: readonly VnRoot[];
    rootHashes?: ReadonlySet<string>;
  }>,
): CheckResult {
  const cert = new X509Certificate(input.der);
  const validity = validityStatus(cert, input.now);
  const chain = chainOf(cert, input.pool, input.roots, input.rootHashes);
  const chainStatus: CheckStatus = chain.status === 'trusted' ? 'ok' : 'warn';
  const status: CheckStatus =
    validity.status === 'fail'
      ? 'fail'
      : validity.status === 'warn' || chainStatus === 'warn'
        ? 'warn'
        : 'ok';
  const who = commonName(cert.subject);
  const state = STATE_TEXT[validity.state](validity.daysLeft);
  const chainText =
    chain.status === 'trusted'
      ? t(`chuỗi tin cậy đến ${chain.root ?? ''}`, `chains to ${chain.root ?? ''}`)
      : chain.status === 'named'
        ? t(
            `do ${chain.issuer} cấp (${chain.root ?? ''}), chưa thấy chứng thư gốc trên máy`,
            `issued by ${chain.issuer} (${chain.root ?? ''}); root certificate not found on this machine`,
          )
        : t(
            `do "${chain.issuer}" cấp — không thuộc CA gốc Việt Nam đã biết`,
            `issued by "${chain.issuer}" — not a known Vietnamese root`,
          );
  return check({
    id: `${input.idPrefix}.${sha256(cert).slice(0, 12)}`,
    area: 'signature',
    status,
    title: t(`Chứng thư chữ ký số: ${who}`, `Certificate: ${who}`),
    detail: t(
      `${input.where}: ${state.vi}; ${chainText.vi}.`,
      `${input.where}: ${state.en}; ${chainText.en}.`,
    ),
    values: {
      subject: cert.subject,
      issuer: cert.issuer,
      notBefore: new Date(cert.validFrom).toISOString(),
      notAfter: new Date(cert.validTo).toISOString(),
      daysLeft: validity.daysLeft,
      validity: validity.state,
      chain: chain.status,
      ...(chain.root === undefined ? {} : { root: chain.root, rootKind: chain.kind }),
      sha256: sha256(cert),
      serial: cert.serialNumber,
    },
    ...(status === 'ok' ? {} : { fix: fixFor(validity.state, chain.status) }),
  });
}

function fixFor(
  state: keyof typeof STATE_TEXT,
  chain: ChainVerdict['status'],
): CheckResult['fix'] & object {
  if (state === 'expired' || state === 'expiring') {
    return {
      text: t(
        'Liên hệ nhà cung cấp chữ ký số (CA) để gia hạn chứng thư; sau khi gia hạn, cập nhật số serial mới trên các cổng dịch vụ (thuế, DVC).',
        'Ask the CA to renew the certificate; after renewal update the new serial on the portals (tax, public services).',
      ),
      checklistId: 'renew-certificate',
    };
  }
  if (state === 'not-yet-valid')
    return {
      text: t(
        'Kiểm tra ngày giờ và múi giờ (UTC+7) của máy, rồi kiểm tra lại.',
        'Check the date, time and time zone (UTC+7), then check again.',
      ),
    };
  return chain === 'named'
    ? {
        text: t(
          'Cài chứng thư gốc và trung gian của CA (rootca.gov.vn hoặc ca.gov.vn) vào kho tin cậy của Windows.',
          'Install the CA root and intermediate (rootca.gov.vn or ca.gov.vn) into the Windows trust store.',
        ),
        checklistId: 'fix-root-ca',
      }
    : {
        text: t(
          'Chứng thư không do CA Việt Nam cấp: hỏi cán bộ đây có phải token ký số của cơ quan không.',
          'Not issued by a Vietnamese CA: ask whether this is the office signing token.',
        ),
      };
}
