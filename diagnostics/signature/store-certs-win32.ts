/** Windows certificate-store facts: the `certs` section of the facts script. */
import { createHash } from 'node:crypto';

import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, bool, str } from '../windows/powershell.js';
import type { StoreCerts } from './types.js';

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

/** Reads the `certs` section. */
export async function readWin32Store(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<StoreCerts>> {
  const section = await windowsSection(ctx, 'certs', signal);
  if (section.status !== 'ok') return section;
  return ok(parseStoreCerts(section.data));
}
