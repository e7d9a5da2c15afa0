/**
 * Ed25519 keys (node:crypto). Each installation creates its own key pair on first use and keeps
 * it in `<dataDir>/keys/` (0600 in a 0700 folder; on the stick in portable mode); exports are
 * sealed with it. The supervisor enrols interns' keys ahead (key file, fingerprint or QR text) in
 * the inbox database, with a name of the supervisor's choosing.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';

/** This installation's key pair, as kept on disk. */
export type InstallationKey = Readonly<{
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  createdAt: string;
}>;

const installationKeySchema = z
  .object({
    format: z.literal('xaso.installation-key'),
    version: z.literal(1),
    keyId: z.string(),
    publicKeyPem: z.string(),
    privateKeyPem: z.string(),
    createdAt: z.string(),
  })
  .strict();

/** A public key file an intern hands to the supervisor (`keys:export-public`). */
export const publicKeyFileSchema = z
  .object({
    format: z.literal('xaso.public-key'),
    version: z.literal(1),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    publicKeyPem: z.string().max(1000),
    label: z.string().max(300),
    createdAt: z.string().max(40),
  })
  .strict();
export type PublicKeyFile = z.output<typeof publicKeyFileSchema>;

/** Folder of the keys. */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

/** Key id: the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Parses a PEM Ed25519 public key; throws when it is anything else. */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`not an Ed25519 key (${key.asymmetricKeyType ?? '?'})`);
  return key;
}

const creating = new Map<string, Promise<InstallationKey>>();

/** This installation's key, created (and saved) the first time it is needed. */
export function installationKey(dataDir: string, now: () => Date): Promise<InstallationKey> {
  const file = path.join(keysDir(dataDir), 'installation-ed25519.json');
  let pending = creating.get(file);
  if (pending === undefined) {
    pending = loadOrCreate(file, now);
    creating.set(file, pending);
    pending.catch(() => creating.delete(file));
  }
  return pending;
}

async function loadOrCreate(file: string, now: () => Date): Promise<InstallationKey> {
  try {
    const found = (await readJsonWithBackup(file, installationKeySchema)).value;
    // Keys written by earlier versions (0644 in a 0755 folder) are tightened on first read.
    await chmod(path.dirname(file), 0o700).catch(() => undefined);
    await chmod(file, 0o600).catch(() => undefined);
    return found;
  } catch (error) {
    if ((error as { kind?: string }).kind !== 'missing') throw error;
  }
  const pair = generateKeyPairSync('ed25519');
  const key: InstallationKey = {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: now().toISOString(),
  };
  // The private key: 0600 in a 0700 folder. On Windows, modes mean nothing: the data folder is in
  // the user's profile (%APPDATA%), whose ACL grants only the user, SYSTEM and Administrators.
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(file), 0o700);
  await atomicWriteJson(file, { format: 'xaso.installation-key', version: 1, ...key });
  await chmod(file, 0o600);
  return key;
}

/** The public half of this installation's key, as a file for the supervisor. */
export function publicKeyFile(key: InstallationKey, label: string): PublicKeyFile {
  return {
    format: 'xaso.public-key',
    version: 1,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    label,
    createdAt: key.createdAt,
  };
}

/** The short fingerprint an intern reads out (`vocabulary.ts`, shared with the app and the CLI). */
export { formatFingerprint } from '../vocabulary.js';

/** A typed fingerprint back to a key id (spaces, dashes, colons and case ignored); else undefined. */
export function parseFingerprint(text: string): string | undefined {
  const hex = text
    .trim()
    .toLowerCase()
    .replace(/[\s:-]/g, '');
  return /^[0-9a-f]{16}$/.test(hex) ? hex : undefined;
}

/**
 * What the intern's app puts in its QR code: `XASO-KEY:1:<key id>:<public key, SPKI DER base64>`.
 * The supervisor's scanner (or a phone) gives this text back; the key id must match the key.
 */
export function keyQrText(key: Pick<InstallationKey, 'keyId' | 'publicKeyPem'>): string {
  const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
  return `XASO-KEY:1:${key.keyId}:${der.toString('base64')}`;
}

/** Reads a QR text back: the key id and PEM, checked to match; else undefined. */
export function parseKeyQr(text: string): { keyId: string; publicKeyPem: string } | undefined {
  const m = /^XASO-KEY:1:([0-9a-f]{16}):([A-Za-z0-9+/]{40,200}={0,2})$/.exec(text.trim());
  if (m === null) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(m[2]!, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== m[1]) return undefined;
    return { keyId: m[1]!, publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString() };
  } catch {
    return undefined;
  }
}
