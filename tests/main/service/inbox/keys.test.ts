/**
 * The installation's private key is written 0600 in a 0700 folder (POSIX); an older key file
 * found 0644 in a 0755 folder is tightened when read. Fingerprints read out and typed back.
 */
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  formatFingerprint,
  installationKey,
  keysDir,
  parseFingerprint,
} from '../../../../main/service/inbox/keys.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const mode = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private key file modes', () => {
  it('creates the key 0600 in a 0700 folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xaso-keys-'));
    dirs.push(dataDir);
    const key = await installationKey(dataDir, () => new Date('2026-11-25T00:00:00Z'));
    expect(key.privateKeyPem).toMatch(/PRIVATE KEY/);
    expect(await mode(keysDir(dataDir))).toBe(0o700);
    expect(await mode(path.join(keysDir(dataDir), 'installation-ed25519.json'))).toBe(0o600);
  });

  it('tightens a key an older version wrote 0644 in a 0755 folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xaso-keys-'));
    dirs.push(dataDir);
    const first = await installationKey(path.join(dataDir, 'a'), () => new Date());
    const folder = path.join(dataDir, 'b', 'keys');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, 'installation-ed25519.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'xaso.installation-key', version: 1, ...first }),
    );
    await chmod(file, 0o644);
    await chmod(folder, 0o755);
    const read = await installationKey(path.join(dataDir, 'b'), () => new Date());
    expect(read.keyId).toBe(first.keyId);
    expect(await mode(file)).toBe(0o600);
    expect(await mode(folder)).toBe(0o700);
  });
});

describe('fingerprints', () => {
  it('reads back what is read out, whatever the spacing and case', () => {
    const shown = formatFingerprint('3f2a9c017be4d25e');
    expect(shown).toBe('3f2a 9c01 7be4 d25e');
    expect(parseFingerprint(shown)).toBe('3f2a9c017be4d25e');
    expect(parseFingerprint(' 3F2A-9C01-7BE4-D25E ')).toBe('3f2a9c017be4d25e');
    expect(parseFingerprint('3f2a 9c01 7be4')).toBeUndefined();
    expect(parseFingerprint('3f2a 9c01 7be4 d25g')).toBeUndefined();
  });
});
