/**
 * A simulated office LAN for tests: a bridge on this machine (the test process is the "PC" at
 * `.1`) and hosts behind veth pairs, each in its own network namespace (shared/PEERS.md).
 * Hosts can answer or ignore ping and run services (`lan.spawn(n, …)`). Everything is named with
 * the caller's prefix and torn down by `lan.teardown()`; leftovers of a crashed run with the same
 * names are removed first. Needs root and iproute2.
 *
 * ```ts
 * const lan = await createLan({ prefix: 'x4', index: 3, hosts: [{ n: 10 }, { n: 11, ignorePing: true }] });
 * lan.cidr; // '10.74.3.0/24'
 * lan.listen(11, 9100);
 * await lan.teardown();
 * ```
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** One host of the LAN. */
export type LanHostSpec = Readonly<{
  /** Host number in the LAN: the last octet of its address in a /24 (2–254), up to 1022 in a /22. */
  n: number;
  /** Sets `net.ipv4.icmp_echo_ignore_all=1` in the host. */
  ignorePing?: boolean;
  /**
   * Answers the test machine (`.1`) nothing but ARP: no SYN-ACK, no RST, no echo reply (its
   * packets to `.1` go to a blackhole route). Only the neighbour table shows it is there.
   */
  arpOnly?: boolean;
  /** TCP ports a tiny listener accepts connections on. */
  tcp?: readonly number[];
  /** Default route via this last octet (makes the host an "office PC" behind a gateway). */
  gateway?: number;
  /** Writes `/etc/netns/<ns>/resolv.conf` with these name servers. */
  dns?: readonly string[];
  /**
   * A name for the host's own address in `/etc/netns/<ns>/hosts` (IPv4 and a ULA IPv6), so
   * servers that bind "their hostname" (ippeveprinter `-n NAME`) listen on the LAN address.
   */
  hostname?: string;
}>;

/** Options of {@link createLan}. */
export type LanOptions = Readonly<{
  /** Your name prefix, e.g. `x4`. */
  prefix: string;
  /** 0–9: picks the subnet `10.<subnetBase>.<index>.0/24` and the names, so LANs can coexist. */
  index: number;
  /** Second octet of the subnets; default 74 (issue 4's range 10.74.0.0/16). */
  subnetBase?: number;
  /**
   * Prefix length of the LAN: 24 (default), 23 or 22. A larger LAN takes the block of its size
   * at `index` (a /23 at index 8 is `10.74.16.0/23`), and host `n` runs past 255 into the next
   * /24s (`n: 300` is `10.74.17.44` there).
   */
  prefixLength?: 22 | 23 | 24;
  hosts: readonly LanHostSpec[];
}>;

/** A host that exists. */
export type LanHost = Readonly<{ n: number; ns: string; ip: string }>;

/** A running LAN. */
export type Lan = Readonly<{
  bridge: string;
  /** e.g. `10.74.3.0/24` (or the /23, /22 asked). */
  cidr: string;
  /** The test machine's own address on the bridge (`.1`). */
  selfIp: string;
  hosts: readonly LanHost[];
  ip: (n: number) => string;
  ns: (n: number) => string;
  /** Runs a command in host `n` and returns its stdout. */
  exec: (n: number, file: string, args: readonly string[]) => Promise<string>;
  /** Starts a background process in host `n`; it is killed on teardown. */
  spawn: (n: number, file: string, args: readonly string[]) => ChildProcess;
  /** Starts a TCP listener in host `n` on `port` (accepts and holds connections). */
  listen: (n: number, port: number) => ChildProcess;
  teardown: () => Promise<void>;
}>;

const LISTENER = `const net=require('node:net');const s=net.createServer(c=>c.on('error',()=>{}));s.listen(Number(process.argv[1]),'0.0.0.0');`;

async function ip(args: readonly string[]): Promise<void> {
  await exec('ip', [...args]);
}

async function quiet(file: string, args: readonly string[]): Promise<void> {
  await exec(file, [...args]).catch(() => undefined);
}

async function addHost(bridge: string, names: LanNames, spec: LanHostSpec): Promise<void> {
  const ns = names.ns(spec.n);
  const veth = names.veth(spec.n);
  await ip(['netns', 'add', ns]);
  await ip(['link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  await ip(['link', 'set', veth, 'master', bridge, 'up']);
  await ip(['-n', ns, 'addr', 'add', `${names.ip(spec.n)}/${names.prefixLength}`, 'dev', 'eth0']);
  await ip(['-n', ns, 'link', 'set', 'eth0', 'up']);
  await ip(['-n', ns, 'link', 'set', 'lo', 'up']);
  if (spec.ignorePing === true) {
    await exec('ip', [
      'netns',
      'exec',
      ns,
      'sysctl',
      '-q',
      '-w',
      'net.ipv4.icmp_echo_ignore_all=1',
    ]);
  }
  if (spec.arpOnly === true) await ip(['-n', ns, 'route', 'add', 'blackhole', `${names.ip(1)}/32`]);
  if (spec.gateway !== undefined) {
    await ip(['-n', ns, 'route', 'add', 'default', 'via', names.ip(spec.gateway)]);
  }
  if (spec.hostname !== undefined) await nameHost(ns, names, spec.n, spec.hostname);
  if (spec.dns !== undefined) {
    await mkdir(`/etc/netns/${ns}`, { recursive: true });
    await writeFile(
      `/etc/netns/${ns}/resolv.conf`,
      spec.dns.map((s) => `nameserver ${s}\n`).join(''),
    );
  }
}

async function nameHost(ns: string, names: LanNames, n: number, hostname: string): Promise<void> {
  const v6 = `fd74:${names.ip(n).split('.')[2] ?? '0'}::${n}`;
  await ip(['-n', ns, 'addr', 'add', `${v6}/64`, 'dev', 'eth0', 'nodad']);
  await mkdir(`/etc/netns/${ns}`, { recursive: true });
  const lines = ['127.0.0.1 localhost', `${names.ip(n)} ${hostname}`, `${v6} ${hostname}`, ''];
  await writeFile(`/etc/netns/${ns}/hosts`, lines.join('\n'));
}

type LanNames = Readonly<{
  ns: (n: number) => string;
  veth: (n: number) => string;
  ip: (n: number) => string;
  prefixLength: number;
}>;

function namesOf(options: LanOptions): LanNames & { bridge: string; cidr: string } {
  const { prefix, index } = options;
  const prefixLength = options.prefixLength ?? 24;
  const blocks = 2 ** (24 - prefixLength);
  const base = `10.${options.subnetBase ?? 74}`;
  const third = index * blocks;
  return {
    bridge: `${prefix}br${index}`,
    cidr: `${base}.${third}.0/${prefixLength}`,
    prefixLength,
    ns: (n) => `${prefix}-${index}-h${n}`,
    veth: (n) => `${prefix}v${index}-${n}`,
    ip: (n) => `${base}.${third + Math.floor(n / 256)}.${n % 256}`,
  };
}

async function removeAll(
  names: ReturnType<typeof namesOf>,
  hosts: readonly LanHostSpec[],
): Promise<void> {
  for (const host of hosts) {
    await quiet('ip', ['netns', 'del', names.ns(host.n)]);
    await quiet('ip', ['link', 'del', names.veth(host.n)]);
    await rm(`/etc/netns/${names.ns(host.n)}`, { recursive: true, force: true });
  }
  await quiet('ip', ['link', 'del', names.bridge]);
}

/** Builds the LAN. Call `teardown()` in `afterAll`. */
export async function createLan(options: LanOptions): Promise<Lan> {
  const names = namesOf(options);
  await removeAll(names, options.hosts);
  await ip(['link', 'add', names.bridge, 'type', 'bridge']);
  await ip(['addr', 'add', `${names.ip(1)}/${names.prefixLength}`, 'dev', names.bridge]);
  await ip(['link', 'set', names.bridge, 'up']);
  // Eight hosts at a time: a /22 office of 160 hosts is built in seconds, not a minute.
  const queue = [...options.hosts];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let spec = queue.shift(); spec !== undefined; spec = queue.shift())
        await addHost(names.bridge, names, spec);
    }),
  );
  const children: ChildProcess[] = [];
  const spawnIn = (n: number, file: string, args: readonly string[]): ChildProcess => {
    const child = spawn('ip', ['netns', 'exec', names.ns(n), file, ...args], {
      stdio: 'ignore',
      detached: true,
    });
    children.push(child);
    return child;
  };
  for (const spec of options.hosts) {
    for (const port of spec.tcp ?? [])
      spawnIn(spec.n, process.execPath, ['-e', LISTENER, String(port)]);
  }
  return {
    bridge: names.bridge,
    cidr: names.cidr,
    selfIp: names.ip(1),
    hosts: options.hosts.map((h) => ({ n: h.n, ns: names.ns(h.n), ip: names.ip(h.n) })),
    ip: names.ip,
    ns: names.ns,
    exec: async (n, file, args) =>
      (await exec('ip', ['netns', 'exec', names.ns(n), file, ...args])).stdout,
    spawn: spawnIn,
    listen: (n, port) => spawnIn(n, process.execPath, ['-e', LISTENER, String(port)]),
    async teardown() {
      for (const child of children) {
        if (child.pid !== undefined && child.exitCode === null) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      await removeAll(names, options.hosts);
    },
  };
}

/**
 * Starts dnsmasq on host `n` of `lan` as the office's DNS server, answering only what `records`
 * say (`--address=/name/ip`, `--ptr-record=…`, or `--address=/name/` for NXDOMAIN): no upstream,
 * no hosts file, nothing from this machine's own configuration.
 */
export function startDnsmasq(lan: Lan, n: number, records: readonly string[]): ChildProcess {
  return lan.spawn(n, 'dnsmasq', [
    '-k',
    '-C',
    '/dev/null',
    '--no-resolv',
    '--no-hosts',
    `--listen-address=${lan.ip(n)}`,
    '--bind-interfaces',
    '--pid-file=',
    ...records,
  ]);
}
