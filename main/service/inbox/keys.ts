/**
 * Ed25519 keys (node:crypto). Each installation creates its own key pair on first use and keeps
 * it in `<dataDir>/keys/` (on the stick in portable mode); exports are signed with it. The
 * supervisor keeps a list of trusted interns' public keys, added from a key file or on first use.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';

import { z } from 'zod';

import { atomicWriteJson, readJsonWithBackup } from '../storage/atomic-json.js';
import type { TrustedKey } from './types.js';

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

/** One trusted key in the supervisor's list. */
export const trustedKeySchema = z
  .object({
    keyId: z.string(),
    publicKeyPem: z.string(),
    label: z.string(),
    addedAt: z.string(),
    /** `imported` from the intern's key file, or trusted on `first-use` (weaker: shown marked). */
    source: z.enum(['imported', 'first-use']),
  })
  .strict();
export type { TrustedKey } from './types.js';
const trustedListSchema = z
  .object({ version: z.literal(1), keys: z.array(trustedKeySchema) })
  .strict();

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
    return (await readJsonWithBackup(file, installationKeySchema)).value;
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
  await atomicWriteJson(file, { format: 'xaso.installation-key', version: 1, ...key });
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

function trustedFile(dataDir: string): string {
  return path.join(keysDir(dataDir), 'trusted.json');
}

/** The supervisor's trusted keys (empty when none yet). */
export async function readTrusted(dataDir: string): Promise<TrustedKey[]> {
  try {
    return (await readJsonWithBackup(trustedFile(dataDir), trustedListSchema)).value.keys;
  } catch (error) {
    if ((error as { kind?: string }).kind === 'missing') return [];
    throw error;
  }
}

/** Saves the trusted list. */
export async function writeTrusted(dataDir: string, keys: readonly TrustedKey[]): Promise<void> {
  await atomicWriteJson(trustedFile(dataDir), { version: 1, keys });
}

/** Adds (or upgrades from first-use to imported) a key; returns the new list. */
export function withTrusted(list: readonly TrustedKey[], key: TrustedKey): TrustedKey[] {
  const existing = list.find((k) => k.keyId === key.keyId);
  if (existing !== undefined && (existing.source === 'imported' || key.source === 'first-use'))
    return [...list];
  return [...list.filter((k) => k.keyId !== key.keyId), key];
}
