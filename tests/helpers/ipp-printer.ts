/**
 * A real IPP Everywhere printer for tests: CUPS' `ippeveprinter` (package `cups-ipp-utils`),
 * started as shared/PEERS.md says (dbus + avahi first, `-n localhost`), with its own spool folder,
 * and helpers to put it in a bad state through its web forms (toner low/empty, paper out).
 * Also a CUPS queue helper (`cupsd` is one per machine: started if not running, never stopped).
 *
 * Usage:
 * ```ts
 * const printer = await startIppPrinter({ name: 'x4 test' });
 * await printer.setTonerLevel(0);            // → printer-state-reasons toner-empty-report
 * const queue = await addCupsQueue('x4-test', printer.uri);
 * ...
 * await queue.remove(); await printer.stop();
 * ```
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Options of {@link startIppPrinter}. */
export type IppPrinterOptions = Readonly<{
  /** Printer name shown in IPP (`printer-name`). */
  name?: string;
  /** TCP port; default: the first free port in `portRange`. */
  port?: number;
  /** Ports to try when `port` is not given; default 8631–8639 (issue 4's range). */
  portRange?: readonly [number, number];
  make?: string;
  model?: string;
  /** Run inside this network namespace (`ip netns exec NS`). */
  netns?: string;
  /**
   * Host name the printer reports and listens on; default `localhost`. In a namespace host, give
   * the name `createLan` wrote for it (`hostname` of the host spec) and its `address`.
   */
  hostname?: string;
  /** Address to reach it at; default 127.0.0.1. */
  address?: string;
}>;

/** A running ippeveprinter. */
export type IppPrinter = Readonly<{
  port: number;
  /** `ipp://localhost:PORT/ipp/print` (or the given hostname). */
  uri: string;
  spoolDir: string;
  /** Sets the black toner level in percent (0 → toner-empty, < 10 → toner-low). */
  setTonerLevel: (percent: number) => Promise<void>;
  /** Sets the sheets in the main tray (0 → media-empty). */
  setPaperLevel: (sheets: number) => Promise<void>;
  /** Names of the files that arrived in the spool folder. */
  spooledFiles: () => Promise<string[]>;
  /** Waits until at least `count` files arrived in the spool folder. */
  waitForSpooledFiles: (count: number, timeoutMs?: number) => Promise<string[]>;
  stop: () => Promise<void>;
}>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts dbus and avahi if they are not running (ippeveprinter needs DNS-SD to start). */
export async function ensureDnsSd(): Promise<void> {
  const script =
    // A pid file left by a daemon that died (or was killed) would stop it from starting again.
    'mkdir -p /run/dbus; pgrep -x dbus-daemon >/dev/null || { rm -f /run/dbus/pid; dbus-daemon --system --fork; }; ' +
    'sleep 0.2; pgrep -x avahi-daemon >/dev/null || { rm -f /run/avahi-daemon/pid; avahi-daemon -D --no-drop-root; }; true';
  // -o: the daemons started here must not inherit (and so hold forever) the lock's descriptor.
  await exec('flock', ['-o', '/tmp/xaso-dnssd.lock', 'sh', '-c', script]);
  for (let i = 0; i < 50; i += 1) {
    const { stdout } = await exec('sh', ['-c', 'pgrep -x avahi-daemon || true']);
    if (stdout.trim() !== '') return;
    await sleep(100);
  }
}

/** True when something accepts TCP connections on host:port. */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

async function pickPort(range: readonly [number, number]): Promise<number> {
  for (let port = range[0]; port <= range[1]; port += 1) {
    if (await canBind(port)) return port;
  }
  throw new Error(`No free port in ${range[0]}–${range[1]}`);
}

/** Waits until `check` is true, or throws after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function spawnPrinter(options: IppPrinterOptions, port: number, spoolDir: string): ChildProcess {
  const args = [
    '-k',
    '-p',
    String(port),
    '-M',
    options.make ?? 'HP',
    '-m',
    options.model ?? 'LaserJet Test',
    '-n',
    options.hostname ?? 'localhost',
    '-d',
    spoolDir,
    options.name ?? `x4 printer ${port}`,
  ];
  const [file, argv] =
    options.netns === undefined
      ? ['ippeveprinter', args]
      : ['ip', ['netns', 'exec', options.netns, 'ippeveprinter', ...args]];
  return spawn(file, argv, { stdio: 'ignore', detached: true });
}

/**
 * Starts an ippeveprinter and waits until it answers. Without a fixed `port`, a port taken by a
 * test running at the same moment makes it try the next free one.
 */
export async function startIppPrinter(options: IppPrinterOptions = {}): Promise<IppPrinter> {
  await ensureDnsSd();
  const range = options.portRange ?? [8631, 8639];
  for (let attempt = 0; ; attempt += 1) {
    const port =
      options.port ?? (await pickPort([Math.min(range[1], range[0] + attempt), range[1]]));
    try {
      return await startOn(options, port);
    } catch (error) {
      if (options.port !== undefined || range[0] + attempt >= range[1]) throw error;
    }
  }
}

async function startOn(options: IppPrinterOptions, port: number): Promise<IppPrinter> {
  const spoolDir = await mkdtemp(join(tmpdir(), 'x4-spool-'));
  const child = spawnPrinter(options, port, spoolDir);
  const host = options.hostname ?? 'localhost';
  const probeHost = options.address ?? '127.0.0.1';
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitFor(
    async () => exited || (await isListening(probeHost, port)),
    10_000,
    'ippeveprinter',
  );
  if (exited) {
    await rm(spoolDir, { recursive: true, force: true });
    throw new Error(`ippeveprinter on port ${port} exited at start`);
  }
  const web = async (path: string): Promise<void> => {
    const response = await fetch(`http://${probeHost}:${port}${path}`);
    await response.text();
  };
  const spooledFiles = async (): Promise<string[]> =>
    (await readdir(spoolDir)).filter((name) => !name.startsWith('.'));
  return {
    port,
    uri: `ipp://${host}:${port}/ipp/print`,
    spoolDir,
    setTonerLevel: (percent) => web(`/supplies?supply0=25&supply1=${percent}`),
    setPaperLevel: (sheets) =>
      web(
        `/media?size1=iso_a4_210x297mm&type1=stationery&level1=${sheets}&size3=&type3=&level3=-2`,
      ),
    spooledFiles,
    async waitForSpooledFiles(count, timeoutMs = 20_000) {
      await waitFor(async () => (await spooledFiles()).length >= count, timeoutMs, 'spooled files');
      return spooledFiles();
    },
    async stop() {
      if (!exited && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await waitFor(async () => exited, 5_000, 'ippeveprinter to stop').catch(() => undefined);
      }
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
}

/** A CUPS queue created for a test. */
export type CupsQueue = Readonly<{ name: string; remove: () => Promise<void> }>;

/** Starts `cupsd` if it is not running (one per machine; left running for other tests). */
export async function ensureCupsd(): Promise<void> {
  await exec('flock', [
    '-o',
    '/tmp/xaso-cupsd.lock',
    'sh',
    '-c',
    'pgrep -x cupsd >/dev/null || cupsd',
  ]);
  await waitFor(() => isListening('127.0.0.1', 631), 10_000, 'cupsd');
}

/**
 * Adds a CUPS queue `name` (use your prefix, e.g. `x4-…`) pointing at `uri` with the IPP
 * Everywhere driver, enabled and accepting jobs.
 */
export async function addCupsQueue(name: string, uri: string): Promise<CupsQueue> {
  await ensureCupsd();
  await exec('lpadmin', ['-p', name, '-E', '-v', uri, '-m', 'everywhere'], { timeout: 30_000 });
  await exec('cupsenable', [name]);
  await exec('cupsaccept', [name]);
  return {
    name,
    async remove() {
      await exec('cancel', ['-a', name]).catch(() => undefined);
      await exec('lpadmin', ['-x', name]).catch(() => undefined);
    },
  };
}
