/**
 * A throw-away certificate authority for TLS tests (openssl CLI): a CA, and server certificates
 * for given names with any validity window (expired ones included, via `openssl ca -startdate
 * -enddate`, which `x509 -req` of OpenSSL 3.0 cannot do).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A server certificate and its key, PEM. */
export type ServerCert = Readonly<{ cert: string; key: string }>;

/** The CA: its certificate (pass it to the check as the trusted CA) and an issuer. */
export type TestCa = Readonly<{
  caCert: string;
  /** Issues a certificate for `names` valid from `notBefore` to `notAfter` (default: now−1 d … now+30 d). */
  issue: (
    names: readonly string[],
    validity?: Readonly<{ notBefore?: Date; notAfter?: Date }>,
  ) => Promise<ServerCert>;
  cleanup: () => Promise<void>;
}>;

const stamp = (d: Date): string => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** Creates the CA in a temporary folder. */
export async function createTestCa(): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'x4-ca-'));
  const f = (name: string): string => join(dir, name);
  await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '3650',
    '-subj',
    '/CN=Xa So Test CA',
  ]);
  await writeFile(f('index.txt'), '');
  await writeFile(f('serial'), '1000\n');
  const config = [
    '[ca]',
    'default_ca = x',
    '[x]',
    `dir = ${dir}`,
    'database = $dir/index.txt',
    'serial = $dir/serial',
    'new_certs_dir = $dir',
    'certificate = $dir/ca.pem',
    'private_key = $dir/ca.key',
    'default_md = sha256',
    'policy = any',
    'unique_subject = no',
    'copy_extensions = copy',
    '[any]',
    'commonName = supplied',
    '',
  ].join('\n');
  await writeFile(f('ca.cnf'), config);
  let count = 0;
  return {
    caCert: await readFile(f('ca.pem'), 'utf8'),
    async issue(names, validity = {}) {
      count += 1;
      const base = f(`leaf${count}`);
      const san = names
        .map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? `IP:${n}` : `DNS:${n}`))
        .join(',');
      await exec('openssl', [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.csr`,
        '-subj',
        `/CN=${names[0] ?? 'x'}`,
        '-addext',
        `subjectAltName=${san}`,
      ]);
      const notBefore = validity.notBefore ?? new Date(Date.now() - 86_400_000);
      const notAfter = validity.notAfter ?? new Date(Date.now() + 30 * 86_400_000);
      await exec('openssl', [
        'ca',
        '-batch',
        '-config',
        f('ca.cnf'),
        '-in',
        `${base}.csr`,
        '-out',
        `${base}.pem`,
        '-startdate',
        stamp(notBefore),
        '-enddate',
        stamp(notAfter),
        '-notext',
      ]);
      return {
        cert: await readFile(`${base}.pem`, 'utf8'),
        key: await readFile(`${base}.key`, 'utf8'),
      };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
