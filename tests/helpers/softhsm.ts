/**
 * A real PKCS#11 token for tests: SoftHSM2 in a temp folder, holding certificates made with
 * openssl (valid, expiring in 10 days, expired — or any validity you ask for), signed by a test
 * root CA, written with `pkcs11-tool`. Reusable by any test that needs a token.
 *
 * ```ts
 * const token = await createSoftHsmToken();
 * // token.modulePath, token.env.SOFTHSM2_CONF, token.certs[0].notAfter …
 * await token.cleanup();
 * ```
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const DAY = 86_400_000;

/** Where Debian's softhsm2 package puts the module. */
export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/** What one certificate on the token should be. */
export type CertSpec = Readonly<{
  /** Object label on the token, also used in the file names. */
  label: string;
  commonName: string;
  /** Validity relative to `now`, in days (negative = past). */
  notBeforeDays: number;
  notAfterDays: number;
}>;

/** A certificate written on the token. */
export type TokenCert = CertSpec &
  Readonly<{
    id: string;
    notBefore: Date;
    notAfter: Date;
    pem: string;
    der: Buffer;
    sha256: string;
  }>;

/** A created token and everything a test needs to use it. */
export type SoftHsmToken = Readonly<{
  dir: string;
  modulePath: string;
  /** Path of the softhsm2.conf that points at this token's folder. */
  conf: string;
  /** Environment to pass to anything that loads the module (`SOFTHSM2_CONF`). */
  env: Readonly<{ SOFTHSM2_CONF: string }>;
  tokenLabel: string;
  userPin: string;
  soPin: string;
  certs: readonly TokenCert[];
  /** The test root CA that signed the certificates (also written on the token when asked). */
  ca: Readonly<{ pem: string; der: Buffer; sha256: string; commonName: string }>;
  cleanup: () => Promise<void>;
}>;

/** The three certificates most tests want: valid, expiring in 10 days, expired. */
export const DEFAULT_CERTS: readonly CertSpec[] = [
  { label: 'valid', commonName: 'Nguyễn Văn An', notBeforeDays: -30, notAfterDays: 365 },
  { label: 'expiring', commonName: 'Trần Thị Bình', notBeforeDays: -355, notAfterDays: 10 },
  { label: 'expired', commonName: 'Lê Văn Cường', notBeforeDays: -400, notAfterDays: -5 },
];

/** True when softhsm2, pkcs11-tool and openssl are installed (scripts/install-peers.sh). */
export function softHsmAvailable(): boolean {
  return (
    existsSync(SOFTHSM_MODULE) &&
    existsSync('/usr/bin/pkcs11-tool') &&
    existsSync('/usr/bin/openssl')
  );
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

async function makeCa(dir: string, now: Date): Promise<SoftHsmToken['ca']> {
  const commonName = 'Xa So Test Root CA';
  await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.pem'),
    '-days',
    '3650',
    '-subj',
    `/C=VN/O=Xa So Test/CN=${commonName}`,
  ]);
  await mkdir(join(dir, 'newcerts'));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), `${(now.getTime() % 1e8).toString(16).padStart(8, '0')}\n`);
  await writeFile(
    join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = test_ca',
      '[ test_ca ]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/newcerts',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'string_mask = utf8only',
      'x509_extensions = leaf',
      '[ any ]',
      'commonName = supplied',
      'countryName = optional',
      'organizationName = optional',
      '[ leaf ]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, nonRepudiation',
      '',
    ].join('\n'),
  );
  const pem = await readFile(join(dir, 'ca.pem'), 'utf8');
  const x509 = new X509Certificate(pem);
  return {
    pem,
    der: x509.raw,
    sha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
    commonName,
  };
}

async function makeLeaf(dir: string, spec: CertSpec, now: Date, index: number): Promise<TokenCert> {
  const base = join(dir, `cert-${spec.label}`);
  await exec('openssl', [
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${base}.key`,
    '-out',
    `${base}.csr`,
    '-utf8',
    '-subj',
    `/C=VN/O=UBND Xã Thử Nghiệm/CN=${spec.commonName}`,
  ]);
  const notBefore = new Date(now.getTime() + spec.notBeforeDays * DAY);
  const notAfter = new Date(now.getTime() + spec.notAfterDays * DAY);
  await exec('openssl', [
    'ca',
    '-batch',
    '-utf8',
    '-notext',
    '-config',
    join(dir, 'ca.cnf'),
    '-cert',
    join(dir, 'ca.pem'),
    '-keyfile',
    join(dir, 'ca.key'),
    '-in',
    `${base}.csr`,
    '-out',
    `${base}.pem`,
    '-startdate',
    stamp(notBefore),
    '-enddate',
    stamp(notAfter),
  ]);
  const pem = await readFile(`${base}.pem`, 'utf8');
  const x509 = new X509Certificate(pem);
  await writeFile(`${base}.der`, x509.raw);
  const id = (index + 1).toString(16).padStart(2, '0');
  return {
    ...spec,
    id,
    notBefore,
    notAfter,
    pem,
    der: x509.raw,
    sha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}

/**
 * Creates a SoftHSM2 token in a fresh temp folder with the given certificates (default: valid,
 * expiring in 10 days, expired). `includeCa` also writes the test root CA on the token.
 */
export async function createSoftHsmToken(
  options: Readonly<{
    label?: string;
    certs?: readonly CertSpec[];
    now?: Date;
    includeCa?: boolean;
  }> = {},
): Promise<SoftHsmToken> {
  const {
    label = 'VNPT-CA Test',
    certs = DEFAULT_CERTS,
    now = new Date(),
    includeCa = true,
  } = options;
  const dir = await mkdtemp(join(tmpdir(), 'xaso-softhsm-'));
  const conf = join(dir, 'softhsm2.conf');
  await mkdir(join(dir, 'tokens'));
  await writeFile(
    conf,
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const userPin = '123456';
  const soPin = '12345678';
  try {
    await exec(
      'softhsm2-util',
      ['--init-token', '--free', '--label', label, '--pin', userPin, '--so-pin', soPin],
      { env },
    );
    const ca = await makeCa(dir, now);
    const made: TokenCert[] = [];
    for (const [index, spec] of certs.entries()) made.push(await makeLeaf(dir, spec, now, index));
    const write = (file: string, id: string, objectLabel: string) =>
      exec(
        'pkcs11-tool',
        [
          '--module',
          SOFTHSM_MODULE,
          '--token-label',
          label,
          '--login',
          '--pin',
          userPin,
          '--write-object',
          file,
          '--type',
          'cert',
          '--id',
          id,
          '--label',
          objectLabel,
        ],
        { env },
      );
    for (const cert of made) await write(join(dir, `cert-${cert.label}.der`), cert.id, cert.label);
    if (includeCa) {
      await writeFile(join(dir, 'ca.der'), ca.der);
      await write(join(dir, 'ca.der'), 'ca', 'root-ca');
    }
    return {
      dir,
      modulePath: SOFTHSM_MODULE,
      conf,
      env: { SOFTHSM2_CONF: conf },
      tokenLabel: label,
      userPin,
      soPin,
      certs: made,
      ca,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
