/**
 * Bench: the supervisor's desk on 10,000 signed visits (a province's year: 100 interns, 50
 * communes). In child processes running the bundled service as the CLI ships:
 * - first import + verify + aggregate into a fresh inbox database (target ≤ 10 s, ≤ 400 MB);
 * - 100 new files into that inbox (target ≤ 1 s);
 * - each dashboard query, first and repeated, right after that import and in a new process that
 *   only opens the desk (the next morning) (target ≤ 100 ms);
 * - the desk page in Chromium, opened from a new web door process, beside the app's home page;
 * beside the baseline measured in the same run: plain read + JSON.parse of the same files.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { generateProgramme } from '../../tests/helpers/programme.js';
import { launchChromium } from '../../tests/helpers/web-app.js';

import { bundleChild } from './bundle-child.js';
import { startWebDoor } from './web-door.js';

const exec = promisify(execFile);
const childSource = fileURLToPath(new URL('./desk-child.ts', import.meta.url));
const child = fileURLToPath(new URL('../../out/bench/desk-child.mjs', import.meta.url));
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

type ChildResult = { ms: number; peakRssMb: number; maxRssMb: number; summary: never };

/**
 * The desk page as the supervisor opens it: a new web door process on the 10,100-visit inbox,
 * Debian's Chromium at 1366×768, from navigation to the indicators shown and to the first chart
 * drawn; beside the baseline of the same run, the app's home page (the page shell, no inbox).
 */
async function pageOpen(dataDir: string): Promise<void> {
  const server = await startWebDoor(dataDir);
  const { browser, profile } = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const rounds: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`${server.url}#/`);
      await page.getByTestId('home-start').waitFor({ timeout: 60_000 });
      const home = performance.now() - t0;
      await page.goto('about:blank');
      const t1 = performance.now();
      await page.goto(`${server.url}#/reports`);
      await page.getByTestId('ind-visits').waitFor({ timeout: 60_000 });
      const tiles = performance.now() - t1;
      await page
        .getByTestId('chart-weeks')
        .locator('.recharts-bar-rectangle')
        .first()
        .waitFor({ timeout: 60_000 });
      const charts = performance.now() - t1;
      rounds.push(
        `  round ${round}: desk indicators ${fmt(tiles)}, first chart ${fmt(charts)}; baseline home page ${fmt(home)}`,
      );
    }
    console.log(
      'the desk page in Chromium, 10,100 visits, a new web door process (round 1 is its first):',
    );
    for (const line of rounds) console.log(line);
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
    server.stop();
  }
}

/** Runs the bench. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-bench-desk-'));
  try {
    const t0 = performance.now();
    const programme = generateProgramme({ interns: 100, communes: 50, visits: 10_100, seed: 7 });
    const first = path.join(dir, 'year');
    const more = path.join(dir, 'more');
    await mkdir(first);
    await mkdir(more);
    let bytes = 0;
    for (const [i, f] of programme.files.entries()) {
      bytes += f.text.length;
      await writeFile(path.join(i < 10_000 ? first : more, f.name), f.text);
    }
    console.log(
      `generated 10,000 + 100 signed visits (${(bytes / 2 ** 20).toFixed(0)} MB) in ${fmt(performance.now() - t0)}`,
    );
    await bundleChild(childSource, child);
    const runChild = async (...args: string[]): Promise<ChildResult> =>
      JSON.parse((await exec(process.execPath, [child, ...args], { maxBuffer: 1e7 })).stdout);
    const data = path.join(dir, 'supervisor');
    const base = await runChild('parse', first);
    const ours = await runChild('import', first, data);
    const next = await runChild('more', more, data);
    const s = ours.summary as { counts: Record<string, number>; visits: number };
    console.log(
      '10,000 signed visits: first import + verify + aggregate (target ≤ 10000 ms, ≤ 400 MB)',
    );
    console.log(
      `  ours      ${fmt(ours.ms)}  maxRSS ${ours.maxRssMb.toFixed(0)} MB  accepted+unknown-key ${(s.counts['accepted'] ?? 0) + (s.counts['unknown-key'] ?? 0)}, desk visits ${s.visits}`,
    );
    console.log(
      `  baseline  ${fmt(base.ms)}  maxRSS ${base.maxRssMb.toFixed(0)} MB  (read + JSON.parse only)`,
    );
    console.log(
      `  time/target ${(ours.ms / 10_000).toFixed(2)} ${ours.ms <= 10_000 ? 'OK' : 'SLOW'}; memory/target ${(ours.maxRssMb / 400).toFixed(2)} ${ours.maxRssMb <= 400 ? 'OK' : 'HIGH'}; ratio to baseline ${(ours.ms / base.ms).toFixed(1)}×`,
    );
    type Queries = Record<string, { coldMs: number; warmMs: number }>;
    const n = next.summary as {
      importMs: number;
      counts: Record<string, number>;
      queries: Queries;
    };
    console.log(
      `100 new files into the 10,000-visit inbox, desk added up (target ≤ 1000 ms): ${fmt(n.importMs)} ${n.importMs <= 1000 ? 'OK' : 'SLOW'}  ${JSON.stringify(n.counts)}`,
    );
    const show = (queries: Queries): void => {
      for (const [name, q] of Object.entries(queries)) {
        // The aggregates are the CLI's and the XLSX export's tables, not the desk page's.
        if (name === 'aggregate by commune')
          console.log('  (not on the desk page: `xaso import --group-by`, XLSX export)');
        console.log(
          `  ${name.padEnd(24)} first ${fmt(q.coldMs)}  repeated ${fmt(q.warmMs)}  ${q.coldMs <= 100 ? 'OK' : 'SLOW'}`,
        );
      }
    };
    console.log('dashboard queries right after that import, same process (target ≤ 100 ms each):');
    show(n.queries);
    // The next morning: a new process opens the desk of that inbox (nothing read yet).
    const morning = await runChild('open', more, data);
    const m = morning.summary as { queries: Queries };
    console.log(
      `dashboard queries in a new process, the desk opened cold (target ≤ 100 ms each; process ${fmt(morning.ms)}, maxRSS ${morning.maxRssMb.toFixed(0)} MB):`,
    );
    show(m.queries);
    await pageOpen(data);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
