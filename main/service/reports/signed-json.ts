/**
 * The JSON export: the complete visit, lossless, in a versioned envelope with a SHA-256 digest
 * and an Ed25519 signature.
 *
 * - The digest catches accidental damage (a bad copy, a truncated download). Whoever edits the
 *   file can recompute it, so it proves nothing about who wrote it.
 * - The signature, made with the installation's private key over the digest, shows which
 *   installation exported it and that nobody changed it since: it cannot be recomputed without
 *   that private key.
 */
import { createHash, createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';

import { z } from 'zod';

import type { InstallationKey } from '../inbox/keys.js';
import { keyIdOf, parsePublicKey } from '../inbox/keys.js';
import type { Visit } from '../visits/schema.js';

export const EXPORT_FORMAT = 'xaso.visit-export';
export const EXPORT_VERSION = 1;

/**
 * The seal of a signed file (a visit export, a province pack): SHA-256 digest of the payload and
 * an Ed25519 signature by the key whose id and public half it carries.
 */
export const integritySchema = z
  .object({
    digestAlgorithm: z.literal('SHA-256'),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    signatureAlgorithm: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    publicKeyPem: z.string().max(1000),
    signature: z.string().max(200),
  })
  .strict();

/** The envelope around an exported visit. */
export const exportEnvelopeSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().max(40),
    app: z.object({ name: z.string().max(50), version: z.string().max(50) }).strict(),
    visit: z.unknown(),
    integrity: integritySchema,
  })
  .strict();
export type ExportEnvelope = z.output<typeof exportEnvelopeSchema>;

type Payload = Pick<ExportEnvelope, 'format' | 'version' | 'exportedAt' | 'app' | 'visit'>;

/**
 * SHA-256 (hex) of everything but the integrity block, serialised as compact JSON with the
 * top-level fields in a fixed order and the visit's keys in file order. `JSON.parse` keeps key
 * order and `JSON.stringify` is deterministic, so re-indenting the file keeps it valid, while any
 * change of content (or of key order) is detected. Chosen over a sorted-key canonical form,
 * which cost 4× more time when importing 1,000 files (bench `reports`).
 */
export function payloadDigest(payload: Payload): string {
  const { format, version, exportedAt, app, visit } = payload;
  return createHash('sha256')
    .update(JSON.stringify({ format, version, exportedAt, app, visit }))
    .digest('hex');
}

/** The bytes the signature covers: a domain tag, the digest and the key id. */
function signedMessage(digest: string, keyId: string): Buffer {
  return Buffer.from(`${EXPORT_FORMAT}/${EXPORT_VERSION}\n${digest}\n${keyId}`, 'utf8');
}

const privateKeys = new WeakMap<InstallationKey, KeyObject>();

/** The parsed private key, once per key object (a batch of exports seals with the same key). */
function privateKeyOf(key: InstallationKey): KeyObject {
  let parsed = privateKeys.get(key);
  if (parsed === undefined) privateKeys.set(key, (parsed = createPrivateKey(key.privateKeyPem)));
  return parsed;
}

/** Builds the signed envelope of a visit. */
export function signVisit(
  visit: Visit,
  key: InstallationKey,
  meta: Readonly<{ exportedAt: string; appVersion: string }>,
): ExportEnvelope {
  const payload: Payload = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: meta.exportedAt,
    app: { name: 'xaso', version: meta.appVersion },
    visit,
  };
  const digest = payloadDigest(payload);
  const signature = sign(null, signedMessage(digest, key.keyId), privateKeyOf(key)).toString(
    'base64',
  );
  return {
    ...payload,
    integrity: {
      digestAlgorithm: 'SHA-256',
      digest,
      signatureAlgorithm: 'Ed25519',
      keyId: key.keyId,
      publicKeyPem: key.publicKeyPem,
      signature,
    },
  };
}

/** Clock skew tolerated between an intern's PC and the supervisor's (a PC clock a few minutes fast). */
export const CLOCK_SKEW_MS = 5 * 60_000;

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

/**
 * `exportedAt` as epoch milliseconds: a real ISO 8601 UTC timestamp (`2026-11-25T08:30:00.000Z`,
 * what `toISOString()` writes), not after `now` + {@link CLOCK_SKEW_MS}. Anything else is
 * `undefined` (then the file is refused): export times are compared as time, never as text.
 */
export function exportedAtMs(value: string, now: Date): number | undefined {
  const m = ISO_UTC.exec(value);
  if (m === null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over to March: the fields must come back unchanged.
  if (new Date(ms).toISOString().slice(0, 19) !== value.slice(0, 19)) return undefined;
  if (ms > now.getTime() + CLOCK_SKEW_MS) return undefined;
  return ms;
}

/**
 * The 64 bytes of an Ed25519 signature from its base64 text, only when the text is the one
 * canonical encoding (88 characters, `==` padding, zero pad bits): `Buffer.from(s, 'base64')`
 * alone skips junk characters, so altered strings could still decode to the same bytes.
 */
export function strictSignatureBytes(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 64 && bytes.toString('base64') === text ? bytes : undefined;
}

const keyCache = new Map<string, { key: KeyObject; keyId: string } | undefined>();

/** Parses a PEM public key once per process (an inbox sees the same few keys 1,000 times). */
function publicKeyOf(pem: string): { key: KeyObject; keyId: string } | undefined {
  if (keyCache.has(pem)) return keyCache.get(pem);
  let entry: { key: KeyObject; keyId: string } | undefined;
  try {
    const key = parsePublicKey(pem);
    entry = { key, keyId: keyIdOf(key) };
  } catch {
    entry = undefined;
  }
  if (keyCache.size > 1000) keyCache.clear();
  keyCache.set(pem, entry);
  return entry;
}

/** The outcome of checking an envelope's integrity (not yet whether its key is trusted). */
export type IntegrityCheck =
  | Readonly<{ ok: true; keyId: string; publicKeyPem: string; digest: string }>
  | Readonly<{ ok: false; kind: 'damaged' | 'tampered'; reason: string }>;

/**
 * Checks digest then signature. A wrong digest means the content changed without the digest
 * being redone (`damaged`); a right digest with a wrong signature means someone changed the
 * content and recomputed the digest, or swapped the key (`tampered`).
 */
export function checkIntegrity(envelope: ExportEnvelope): IntegrityCheck {
  const { integrity } = envelope;
  if (payloadDigest(envelope) !== integrity.digest) {
    return { ok: false, kind: 'damaged', reason: 'digest-mismatch' };
  }
  const parsed = publicKeyOf(integrity.publicKeyPem);
  if (parsed === undefined) return { ok: false, kind: 'tampered', reason: 'bad-public-key' };
  const { key: publicKey, keyId } = parsed;
  if (keyId !== integrity.keyId) return { ok: false, kind: 'tampered', reason: 'key-id-mismatch' };
  const signature = strictSignatureBytes(integrity.signature);
  if (signature === undefined) return { ok: false, kind: 'tampered', reason: 'bad-signature' };
  const good = verify(null, signedMessage(integrity.digest, integrity.keyId), publicKey, signature);
  if (!good) return { ok: false, kind: 'tampered', reason: 'bad-signature' };
  return {
    ok: true,
    keyId: integrity.keyId,
    publicKeyPem: integrity.publicKeyPem,
    digest: integrity.digest,
  };
}
