// Child of scripts/bench/sweep.ts, run inside the loopback-only namespace: times the full
// sweep (takeSnapshot with every registered probe) and systeminformation.getAllData() in turn,
// ROUNDS times each, and prints the timings as one JSON line.
import si from 'systeminformation';

import { createProbeContext, takeSnapshot } from '../../diagnostics/index.js';

const ROUNDS = Number(process.env['XASO_BENCH_ROUNDS'] ?? 3);
const sweep: number[] = [];
const baseline: number[] = [];
let checks = 0;
let siKeys = 0;
for (let i = 0; i < ROUNDS; i++) {
  let start = performance.now();
  const snapshot = await takeSnapshot(createProbeContext());
  sweep.push(performance.now() - start);
  checks = snapshot.checks.length;
  start = performance.now();
  const all = (await si.getAllData()) as unknown as Record<string, unknown>;
  baseline.push(performance.now() - start);
  siKeys = Object.keys(all).length;
}
console.log(JSON.stringify({ sweep, baseline, checks, siKeys }));
process.exit(0);
