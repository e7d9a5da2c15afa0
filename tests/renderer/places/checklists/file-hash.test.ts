// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { fileSha256 } from '../../../../renderer/places/checklists/file-hash.js';

// A real certificate made by OpenSSL, in DER and in PEM: both give the DER fingerprint that
// `openssl x509 -fingerprint -sha256` prints.
const dir = mkdtempSync(join(tmpdir(), 'h14-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pem = join(dir, 'root.pem');
const der = join(dir, 'root.der');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', pem, '-subj', '/CN=Test Root', '-days', '1'], { stdio: 'ignore' });
execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', der]);
const opensslFingerprint = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' })
  .split('=')[1]!
  .trim()
  .replace(/:/g, '')
  .toLowerCase();

describe('fileSha256', () => {
  it('gives the certificate fingerprint for a DER and a PEM file alike', async () => {
    expect(await fileSha256(readFileSync(der))).toBe(opensslFingerprint);
    expect(await fileSha256(readFileSync(pem))).toBe(opensslFingerprint);
  });
  it('hashes any other file as it is', async () => {
    const bytes = new TextEncoder().encode('not a certificate');
    expect(await fileSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
