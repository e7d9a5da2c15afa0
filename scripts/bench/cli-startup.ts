/**
 * Bench: `xaso --version` and `xaso --help` (the built CLI, as a user runs it) against bare
 * `node -e 0`, 5 runs each, alternating. Target: ≤ 150 ms and ≤ 5× bare Node. Then `xaso network`
 * inside a namespace whose only DNS server is silent: when it printed and when it exited (it must
 * exit as soon as it has printed). Needs `npm run build`; the DNS part needs root and iproute2.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createLan } from '../../tests/helpers/netns.js';

const exec = promisify(execFile);
const RUNS = 5;

async function timed(args: readonly string[]): Promise<number> {
  const start = performance.now();
  await exec(process.execPath, [...args]);
  return performance.now() - start;
}

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function startup(): Promise<void> {
  const node: number[] = [];
  const version: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    node.push(await timed(['-e', '0']));
    version.push(await timed(['out/cli/xaso.js', '--version']));
    help.push(await timed(['out/cli/xaso.js', '--help']));
  }
  const base = median(node);
  console.log(`node -e 0      : ${base.toFixed(0)} ms (median of ${RUNS})`);
  console.log(
    `xaso --version : ${median(version).toFixed(0)} ms (median of ${RUNS}), ${(median(version) / base).toFixed(1)}× bare Node (target ≤ 150 ms, ≤ 5×)`,
  );
  console.log(
    `xaso --help    : ${median(help).toFixed(0)} ms (median of ${RUNS}), ${(median(help) / base).toFixed(1)}× bare Node`,
  );
}

function printedAndExited(
  ns: string,
  dataDir: string,
): Promise<{ printed: number; exited: number }> {
  return new Promise((resolve) => {
    const start = performance.now();
    let printed = NaN;
    const child = spawn(
      'ip',
      ['netns', 'exec', ns, process.execPath, 'out/cli/xaso.js', 'network'],
      { env: { ...process.env, XASO_DATA_DIR: dataDir } },
    );
    child.stdout.once('data', () => {
      printed = performance.now() - start;
    });
    child.on('exit', () => resolve({ printed, exited: performance.now() - start }));
  });
}

async function silentDns(): Promise<void> {
  // An office PC whose resolv.conf names a DNS server (.52) that does not exist on the LAN.
  const lan = await createLan({
    prefix: 'h4',
    index: 8,
    hosts: [{ n: 20, gateway: 254, dns: ['10.74.8.52'] }, { n: 254 }],
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'h4-bench-'));
  try {
    for (let i = 0; i < 2; i += 1) {
      const { printed, exited } = await printedAndExited(lan.ns(20), dataDir);
      console.log(
        `xaso network, silent DNS: printed at ${(printed / 1000).toFixed(1)} s, exited at ${(exited / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await lan.teardown();
  }
}

/** Runs the bench. */
export async function run(): Promise<void> {
  await startup();
  await silentDns();
}
