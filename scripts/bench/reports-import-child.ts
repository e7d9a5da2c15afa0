/**
 * Child process of the reports bench: imports every file of a folder into a fresh inbox through
 * the real service (schema, digest, signature, facts), aggregates, and prints the time and the
 * peak resident memory of this process as JSON. Usage: node --import tsx … FOLDER DATA_DIR [--parse-only]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';

const [folder, dataDir, mode] = process.argv.slice(2);
if (folder === undefined || dataDir === undefined)
  throw new Error('usage: FOLDER DATA_DIR [--parse-only]');
const rssBefore = process.memoryUsage.rss();
let peak = rssBefore;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5);
const start = performance.now();
let summary: unknown;
if (mode === '--parse-only') {
  // Baseline: read and JSON.parse every file, nothing else.
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json'));
  let bytes = 0;
  for (const name of names)
    bytes += JSON.stringify(JSON.parse(await readFile(path.join(folder, name), 'utf8'))).length;
  summary = { files: names.length, bytes };
} else {
  const service = createService(defaultEnv({ dataDir, door: 'test', version: 'bench' }));
  const t1 = performance.now();
  const imported = await service.invoke('inbox:import', { paths: [folder] });
  const aggregated = await service.invoke('inbox:aggregate', { groupBy: 'province' });
  if (!imported.ok || !aggregated.ok) throw new Error('import failed');
  const t2 = performance.now();
  summary = {
    serviceMs: Math.round(t1 - start),
    importMs: Math.round(t2 - t1),
    counts: (imported.value as { counts: unknown }).counts,
    visits: (aggregated.value as { total: { visits: number } }).total.visits,
  };
}
const ms = performance.now() - start;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
process.stdout.write(
  `${JSON.stringify({ ms, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb: peak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, summary })}\n`,
);
