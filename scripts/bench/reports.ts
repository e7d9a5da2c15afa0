/**
 * Bench: exports of a 40-machine visit in every format (target ≤ 1.5 s each), and importing
 * 1,000 signed visit files with verification and aggregation (target ≤ 2 s and ≤ 300 MB, measured
 * in a child process running the bundled service, as the CLI ships). Baselines measured in the same run: writing the visit as plain JSON, and
 * reading + JSON.parse of the same 1,000 files without any checks.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { keyIdOf, type InstallationKey } from '../../main/service/inbox/keys.js';
import { REPORT_FORMATS, renderVisit } from '../../main/service/reports/export.js';
import { signVisit } from '../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../tests/fixtures/visits/sample.js';

import { bundleChild } from './bundle-child.js';

const exec = promisify(execFile);
const childSource = fileURLToPath(new URL('./reports-import-child.ts', import.meta.url));
// The child is bundled like the shipped CLI (out/cli/xaso.js) and run by plain node, so its memory
// is the app's, not tsx's compiler's.
const child = fileURLToPath(new URL('../../out/bench/reports-import-child.mjs', import.meta.url));

function key(): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: new Date().toISOString(),
  };
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

async function exports(dir: string): Promise<void> {
  const visit = sampleVisit({ machines: 40 });
  const signing = key();
  const ctx = {
    lang: 'vi' as const,
    key: async () => signing,
    appVersion: 'bench',
    now: () => new Date(),
  };
  const t0 = performance.now();
  await writeFile(path.join(dir, 'plain.json'), JSON.stringify(visit));
  const baseline = performance.now() - t0;
  console.log(
    `40-machine visit export (target ≤ 1500 ms each; baseline plain JSON.stringify+write ${baseline.toFixed(1)} ms)`,
  );
  // Before the NĐ 30/2020 minutes (issue 17) the same visit took PDF 174 ms, DOCX 29 ms (a
  // cover and tables, no appendix, Be Vietnam Pro shared between documents, no embedded font in
  // the DOCX); the minutes now carry an appendix per machine and four embedded Tinos faces.
  for (const format of REPORT_FORMATS) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const out = await renderVisit(visit, format, ctx);
      await writeFile(path.join(dir, `v.${format}`), out);
      times.push(performance.now() - start);
      bytes = out.length;
    }
    const worst = Math.max(...times);
    console.log(
      `  ${format.padEnd(5)} first ${fmt(times[0]!)}  median ${fmt([...times].sort((a, b) => a - b)[1]!)}  worst/target ${(worst / 1500).toFixed(2)}  ${worst <= 1500 ? 'OK' : 'SLOW'}  (${(bytes / 1024).toFixed(0)} KiB)`,
    );
  }
}

async function imports(dir: string): Promise<void> {
  const folder = path.join(dir, 'inbox-files');
  await exec('mkdir', ['-p', folder]);
  const keys = [key(), key(), key()];
  const provinces = ['Cần Thơ', 'Hà Nội', 'Thái Bình', 'Đắk Lắk', 'Quảng Trị'];
  for (let i = 0; i < 1000; i += 1) {
    const visit = sampleVisit({
      id: `bench-visit-${String(i).padStart(4, '0')}`,
      machines: 5,
      commune: `Xã số ${i % 97}`,
      province: provinces[i % 5]!,
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      intern: `Sinh viên ${i % 13}`,
    });
    const envelope = signVisit(visit, keys[i % 3]!, {
      exportedAt: new Date().toISOString(),
      appVersion: 'bench',
    });
    await writeFile(path.join(folder, `v${i}.json`), JSON.stringify(envelope));
  }
  await bundleChild(childSource, child);
  const runChild = async (args: string[]) =>
    JSON.parse((await exec(process.execPath, [child, ...args], { maxBuffer: 1e7 })).stdout) as {
      ms: number;
      rssBeforeMb: number;
      peakRssMb: number;
      maxRssMb: number;
      summary: unknown;
    };
  const base = await runChild([folder, path.join(dir, 'd0'), '--parse-only']);
  const ours = await runChild([folder, path.join(dir, 'd1')]);
  console.log(
    '1,000 signed visit files (5 machines each): import + verify + aggregate (target ≤ 2000 ms, ≤ 300 MB)',
  );
  console.log(
    `  ours      ${fmt(ours.ms)}  peak RSS ${ours.peakRssMb.toFixed(0)} MB (maxRSS ${ours.maxRssMb.toFixed(0)} MB, at start ${ours.rssBeforeMb.toFixed(0)} MB)  ${JSON.stringify(ours.summary)}`,
  );
  console.log(
    `  baseline  ${fmt(base.ms)}  peak RSS ${base.peakRssMb.toFixed(0)} MB (read + JSON.parse only)`,
  );
  console.log(
    `  time/target ${(ours.ms / 2000).toFixed(2)} ${ours.ms <= 2000 ? 'OK' : 'SLOW'}; memory/target ${(ours.maxRssMb / 300).toFixed(2)} ${ours.maxRssMb <= 300 ? 'OK' : 'HIGH'}; ratio to baseline ${(ours.ms / base.ms).toFixed(1)}×`,
  );
}

/** Runs both parts. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-bench-reports-'));
  try {
    await exports(dir);
    await imports(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
