/**
 * The seal's strictness: only the one canonical base64 text of a signature verifies (20,000
 * altered signature strings, none verifies), and export times are real times, not text.
 */
import { describe, expect, it } from 'vitest';

import {
  checkIntegrity,
  exportedAtMs,
  signVisit,
  strictSignatureBytes,
} from '../../../../main/service/reports/signed-json.js';
import { makeKey } from '../../../helpers/programme.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const JUNK = [...B64, '=', ' ', '\n', '\t', '-', '_', '.', '!', '\u00a0', 'é', '%', '*'];

/** A deterministic PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One altered copy of `sig`: insert, delete, replace or swap characters, or touch the padding. */
function alter(sig: string, r: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const at = Math.floor(r() * sig.length);
  switch (Math.floor(r() * 7)) {
    case 0:
      return sig.slice(0, at) + pick(JUNK) + sig.slice(at);
    case 1:
      return sig.slice(0, at) + sig.slice(at + 1);
    case 2:
      return sig.slice(0, at) + pick(JUNK) + sig.slice(at + 1);
    case 3:
      return `${sig.slice(0, at)}${sig[at + 1] ?? ''}${sig[at] ?? ''}${sig.slice(at + 2)}`;
    case 4:
      return sig.replace(/=+$/, '');
    case 5: {
      // Non-zero pad bits: the last data character decodes to the same bytes with most base64 readers.
      const last = sig[85]!;
      return `${sig.slice(0, 85)}${B64[(B64.indexOf(last) & ~0xf) | (1 + Math.floor(r() * 15))]}==`;
    }
    default:
      return `${pick([' ', '\n', '=', '.'])}${sig}`;
  }
}

describe('signature base64 is strict', () => {
  it('verifies none of 20,000 altered signature strings', () => {
    const key = makeKey();
    const envelope = signVisit(sampleVisit({ machines: 1 }), key, {
      exportedAt: '2026-11-20T10:00:00.000Z',
      appVersion: '0.1.0',
    });
    expect(checkIntegrity(envelope).ok).toBe(true);
    const r = rng(20_000);
    let verified = 0;
    let tried = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const signature = alter(envelope.integrity.signature, r);
      if (signature === envelope.integrity.signature) continue;
      tried += 1;
      if (checkIntegrity({ ...envelope, integrity: { ...envelope.integrity, signature } }).ok)
        verified += 1;
    }
    expect(tried).toBeGreaterThan(19_000);
    expect(verified).toBe(0);
  });

  it('reads the canonical text only', () => {
    const sig = Buffer.alloc(64, 7).toString('base64');
    expect(strictSignatureBytes(sig)?.length).toBe(64);
    expect(strictSignatureBytes(`${sig}\n`)).toBeUndefined();
    expect(strictSignatureBytes(sig.replace('==', ''))).toBeUndefined();
    expect(strictSignatureBytes(`${sig.slice(0, 85)}x==`)).toBeUndefined();
  });
});

describe('exportedAt is a time', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it.each([
    ['2026-11-24T10:00:00.000Z', true],
    ['2026-11-24T10:00:00Z', true],
    ['2026-11-25T00:04:59.000Z', true],
    ['2026-11-25T00:05:01.000Z', false],
    ['~~~~', false],
    ['2026-02-30T10:00:00.000Z', false],
    ['2026-11-24', false],
    ['2026-11-24T10:00:00+07:00', false],
    ['9999-12-31T23:59:59.999Z', false],
  ])('%s → %s', (text, ok) => {
    expect(exportedAtMs(text, now) !== undefined).toBe(ok);
  });
});
