// Benchmark "sweep": the full diagnosis sweep vs systeminformation.getAllData(), measured in the
// same run, on this machine. Target: sweep ≤ 0.5 × getAllData (issue 3).
// Both run inside a network namespace with only loopback (x3bench): getAllData() pings 8.8.8.8
// (inetLatency) and our clock probe asks an NTP server, and no traffic may leave this machine
// (shared/PEERS.md). Needs root and iproute2.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const NS = 'x3bench';
const ROOT = join(import.meta.dirname, '../..');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function run(): Promise<void> {
  spawnSync('ip', ['netns', 'del', NS]);
  execFileSync('ip', ['netns', 'add', NS]);
  try {
    execFileSync('ip', ['-n', NS, 'link', 'set', 'lo', 'up']);
    const child = spawnSync(
      'ip',
      [
        'netns',
        'exec',
        NS,
        join(ROOT, 'node_modules/.bin/tsx'),
        join(ROOT, 'scripts/bench/sweep-measure.ts'),
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
    );
    if (child.status !== 0) throw new Error(`measurement failed: ${child.stderr}`);
    const last = child.stdout.trim().split('\n').at(-1) ?? '{}';
    const { sweep, baseline, checks, siKeys } = JSON.parse(last) as {
      sweep: number[];
      baseline: number[];
      checks: number;
      siKeys: number;
    };
    const s = median(sweep);
    const b = median(baseline);
    console.log(
      `full sweep (${checks} checks)            median ${s.toFixed(0)} ms  (runs: ${sweep.map((v) => v.toFixed(0)).join(', ')})`,
    );
    console.log(
      `systeminformation.getAllData() (${siKeys} keys) median ${b.toFixed(0)} ms  (runs: ${baseline.map((v) => v.toFixed(0)).join(', ')})`,
    );
    console.log(
      `ratio sweep / getAllData = ${(s / b).toFixed(2)}  (target ≤ 0.50: ${s / b <= 0.5 ? 'met' : 'NOT met'})`,
    );
  } finally {
    spawnSync('ip', ['netns', 'del', NS]);
  }
}
