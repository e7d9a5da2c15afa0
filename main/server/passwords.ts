/**
 * Password hashes: scrypt (node:crypto), memory-hard, N = 2^16, r = 8, p = 1 (64 MiB and about
 * 0.2 s per hash here), a 16-byte random salt, stored as `scrypt$N$r$p$salt$hash` (base64url) so
 * the cost can rise later without breaking old hashes. At most two hashes run at once, so a burst
 * of logins cannot take the server's memory (the login rate limit comes first anyway).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 16;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_RUNNING = 2;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const options = (n: number, r: number, p: number): ScryptOptions => ({
  N: n,
  r,
  p,
  maxmem: 128 * n * r * p + 1024 * 1024,
});

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await limited(() => scrypt(password, salt, options(N, R, P)));
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches a stored hash (constant time; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const [cost, block, parallel] = [Number(n), Number(r), Number(p)];
  if (![cost, block, parallel].every((v) => Number.isInteger(v) && v > 0) || cost > 2 ** 20)
    return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await limited(() =>
    scrypt(password, Buffer.from(salt, 'base64url'), options(cost, block, parallel)),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}
