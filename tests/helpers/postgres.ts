/**
 * A real, throw-away PostgreSQL cluster for tests (shared/PEERS.md "PostgreSQL"): Debian's
 * `postgresql-15` binaries (`initdb`, `postgres`, `pg_isready`, `psql`; `/usr/local/bin` links to
 * `/usr/lib/postgresql/15/bin`), a fresh data folder under the system temp folder, a Unix socket
 * in that folder and no TCP listener at all (`listen_addresses=''`), unless `tcp: true` asks for
 * 127.0.0.1 on a free port. Never the machine's own cluster, never a mock.
 *
 * PostgreSQL refuses to run as root: when the tests run as root the cluster belongs to the
 * `postgres` system user (Debian's package creates it), else to `nobody`, and every server
 * command runs through `runuser -u USER --`. As another user the cluster is simply the caller's.
 * Authentication is `trust` on the socket, whose folder only the cluster's owner and root can
 * enter (0700); over TCP the role `xaso` needs its password (`scram-sha-256`).
 *
 * Usage:
 * ```ts
 * const pg = await startPostgres();      // initdb + postgres + CREATE DATABASE xaso
 * const url = pg.url;                    // postgresql://xaso@/xaso?host=/tmp/…&port=…
 * const other = await pg.createDatabase('second');
 * await pg.kill9();                      // crash: SIGKILL to the postmaster (then `start()` again)
 * await pg.stop();                       // immediate shutdown, then the folder is removed
 * ```
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Where Debian's PostgreSQL 15 puts its server binaries. */
const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin'];

function bin(name: string): string {
  for (const dir of BIN_DIRS) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(
    `PostgreSQL's ${name} not found in ${BIN_DIRS.join(', ')}: install Debian's postgresql (scripts/install-peers.sh)`,
  );
}

/** Options of {@link startPostgres}. */
export type PostgresOptions = Readonly<{
  /** Also listen on 127.0.0.1 (a free port), with password authentication for role `xaso`. */
  tcp?: boolean;
  /** Name of the first database (default `xaso`). */
  database?: string;
}>;

/** A running cluster. */
export type PostgresCluster = Readonly<{
  /** Folder of the cluster (data in `data/`, socket in `run/`). */
  dir: string;
  socketDir: string;
  port: number;
  /** Connection URL of the first database over the Unix socket (role `xaso`). */
  url: string;
  /** Connection URL over TCP on 127.0.0.1 (with the password), when `tcp` was asked for. */
  tcpUrl?: string;
  /** The role's password (TCP only). */
  password: string;
  /** Creates another database; resolves to its socket URL. */
  createDatabase: (name: string) => Promise<string>;
  /** Runs SQL through `psql` as the superuser (for fixtures and checks). */
  psql: (sql: string, database?: string) => Promise<string>;
  /** Starts the server again after `kill9()` or `stopServer()` (crash recovery runs). */
  start: () => Promise<void>;
  /** Stops the server, keeping the data. */
  stopServer: () => Promise<void>;
  /** SIGKILL to the postmaster: a power cut, as far as PostgreSQL can tell. */
  kill9: () => Promise<void>;
  /** Stops the server and removes the folder. */
  stop: () => Promise<void>;
}>;

/** The unprivileged owner of the cluster when running as root (documented above). */
async function clusterOwner(): Promise<{ user: string; uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number((await exec('id', ['-u', user])).stdout.trim());
      const gid = Number((await exec('id', ['-g', user])).stdout.trim());
      return { user, uid, gid };
    } catch {
      // Not on this machine: try the next one.
    }
  }
  throw new Error('running as root, but neither the postgres nor the nobody user exists');
}

/**
 * True while process `pid` runs. A zombie does not: a killed process whose parent is gone may stay
 * one where nothing reaps it.
 */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && !/^\d+ \(.*\) [ZX] /.test(stat);
}

async function anyAlive(pids: readonly number[]): Promise<boolean> {
  for (const pid of pids) if (await alive(pid)) return true;
  return false;
}

function quietKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** The processes whose parent is `pid` (from /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const { stdout } = await exec('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({
    stdout: '',
  }));
  return stdout
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; see the file's comment. */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresCluster> {
  const owner = await clusterOwner();
  const dir = await mkdtemp(join(tmpdir(), 'xaso-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'run');
  const database = options.database ?? 'xaso';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const run = (file: string, args: readonly string[]) =>
    owner === undefined
      ? exec(file, [...args], { maxBuffer: 1e7 })
      : exec('runuser', ['-u', owner.user, '--', file, ...args], { maxBuffer: 1e7 });
  await exec('mkdir', ['-p', socketDir]);
  if (owner !== undefined) {
    await chown(dir, owner.uid, owner.gid);
    await chown(socketDir, owner.uid, owner.gid);
  }
  await chmod(dir, 0o700);
  await chmod(socketDir, 0o700);
  const pwFile = join(dir, 'pwfile');
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner !== undefined) await chown(pwFile, owner.uid, owner.gid);
  await run(bin('initdb'), [
    '-D',
    dataDir,
    '-U',
    'xaso',
    `--pwfile=${pwFile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  // Small and fast: a test cluster never needs durability across a real power cut of this
  // machine, but `fsync` stays on so the kill -9 tests meet PostgreSQL's real commit path.
  // Small and quick to start; `fsync` stays on so the kill -9 tests meet the real commit path.
  const serverArgs = [
    '-D',
    dataDir,
    '-k',
    socketDir,
    '-p',
    String(port),
    '-c',
    `listen_addresses=${options.tcp === true ? '127.0.0.1' : ''}`,
    '-c',
    'shared_buffers=32MB',
    '-c',
    'max_connections=60',
  ];
  const logFile = join(dir, 'server.log');
  // The postmaster is our child (through runuser), not pg_ctl's daemon: a killed one is reaped
  // here instead of lingering as a zombie that PostgreSQL's lock check counts as running.
  let server: ChildProcess | undefined;
  const postmasterPid = async (): Promise<number | undefined> => {
    const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const pid = Number(text.split('\n')[0]);
    return pid > 0 ? pid : undefined;
  };
  const start = async (): Promise<void> => {
    const log = openSync(logFile, 'a');
    const postgres = bin('postgres');
    server =
      owner === undefined
        ? spawn(postgres, serverArgs, { stdio: ['ignore', log, log] })
        : spawn('runuser', ['-u', owner.user, '--', postgres, ...serverArgs], {
            stdio: ['ignore', log, log],
          });
    closeSync(log);
    const exited = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
    for (let i = 0; i < 600; i += 1) {
      const ready = await exec(bin('pg_isready'), ['-q', '-h', socketDir, '-p', String(port)])
        .then(() => true)
        .catch(() => false);
      if (ready) {
        const pid = await postmasterPid();
        // A test run that dies without `stop()` must not leave a server behind.
        if (pid !== undefined) process.once('exit', () => quietKill(pid, 'SIGQUIT'));
        return;
      }
      const gone = await Promise.race([exited.then(() => true), sleep(50).then(() => false)]);
      if (gone) break;
    }
    const text = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`PostgreSQL did not start:\n${text.slice(-2000)}`);
  };
  await start();
  const psql = async (sql: string, db = 'postgres'): Promise<string> =>
    (
      await run(bin('psql'), [
        '-h',
        socketDir,
        '-p',
        String(port),
        '-U',
        'xaso',
        '-d',
        db,
        '-v',
        'ON_ERROR_STOP=1',
        '-At',
        '-c',
        sql,
      ])
    ).stdout;
  const urlOf = (db: string) =>
    `postgresql://xaso@/${db}?host=${encodeURIComponent(socketDir)}&port=${port}`;
  const createDatabase = async (name: string): Promise<string> => {
    if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`bad database name ${name}`);
    await psql(`CREATE DATABASE ${name}`);
    return urlOf(name);
  };
  await createDatabase(database);
  const waitExit = async (): Promise<void> => {
    const child = server;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  };
  const stopServer = async (): Promise<void> => {
    const pid = await postmasterPid();
    // SIGQUIT: immediate shutdown (pg_ctl -m immediate).
    if (pid !== undefined) quietKill(pid, 'SIGQUIT');
    await waitExit();
  };
  const kill9 = async (): Promise<void> => {
    const pid = await postmasterPid();
    if (pid === undefined) return;
    // A power cut: the postmaster and every backend at once (a backend left alive would keep the
    // shared memory and stop the next start).
    const all = [pid, ...(await childrenOf(pid))];
    for (const p of all) quietKill(p, 'SIGKILL');
    await waitExit();
    for (let i = 0; i < 200 && (await anyAlive(all)); i += 1) await sleep(25);
  };
  return {
    dir,
    socketDir,
    port,
    url: urlOf(database),
    ...(options.tcp === true
      ? { tcpUrl: `postgresql://xaso:${password}@127.0.0.1:${port}/${database}` }
      : {}),
    password,
    createDatabase,
    psql,
    start,
    stopServer,
    kill9,
    stop: async () => {
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
