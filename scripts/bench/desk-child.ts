/**
 * Child process of the desk bench, bundled and run by plain node like the shipped CLI. Modes:
 * - `parse FOLDER`: baseline, read + JSON.parse of every file, nothing else;
 * - `import FOLDER DATA_DIR`: first import + verify + aggregate into a fresh inbox database;
 * - `more FOLDER DATA_DIR`: import the (new) files of FOLDER into that inbox, then time each
 *   dashboard query (first after the import, then repeated);
 * - `open FOLDER DATA_DIR`: a new process that only opens the desk of that inbox (FOLDER unused)
 *   and times each query the same way.
 * Prints `{ ms, peakRssMb, maxRssMb, summary }` as JSON.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';

const [mode, folder, dataDir] = process.argv.slice(2);
if (mode === undefined || folder === undefined) throw new Error('usage: MODE FOLDER [DATA_DIR]');
// `memoryUsage.rss()` reads only the RSS (`memoryUsage()` walks the heap: 1 s of a 30 s run).
let peak = process.memoryUsage.rss();
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 20);
const NOW = new Date('2026-12-01T00:00:00Z');
const service = () =>
  createService(defaultEnv({ dataDir: dataDir!, door: 'test', version: 'bench', now: () => NOW }));
const must = <T>(r: { ok: boolean; value?: T; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

const start = performance.now();
let summary: unknown;
if (mode === 'parse') {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json'));
  let visits = 0;
  for (const name of names)
    if (JSON.parse(await readFile(path.join(folder, name), 'utf8')).visit) visits += 1;
  summary = { files: names.length, visits };
} else if (mode === 'import') {
  const s = service();
  const imported = must<{ counts: Record<string, number> }>(
    await s.invoke('inbox:import', { paths: [folder] }),
  );
  const desk = must<{ indicators: { visits: { value: number } } }>(
    await s.invoke('inbox:desk', {}),
  );
  summary = { counts: imported.counts, visits: desk.indicators.visits.value };
} else {
  const s = service();
  const t0 = performance.now();
  // `more`: 100 new files first; `open`: a new process that only opens the desk (the next morning).
  const imported =
    mode === 'more'
      ? must<{ counts: Record<string, number> }>(
          await s.invoke('inbox:import', { paths: [folder] }),
        )
      : undefined;
  const importMs = performance.now() - t0;
  // In the order the desk page asks: the desk and the list, then what the supervisor filters.
  // The desk without ids and the first page of the list, as the desk page asks; a drill-down.
  const queries: Record<string, unknown> = {
    desk: { ids: false },
    list: { offset: 0, limit: 50 },
    'drill (all visits)': { ref: '["indicators","visits"]' },
    'desk (commune filter)': { commune: 'Xã Tiên Yên', ids: false },
    'desk (intern + dates)': {
      intern: 'Nguyễn Thị Ánh',
      from: '2026-10-01',
      to: '2026-11-30',
      ids: false,
    },
    conflicts: {},
    log: { limit: 200 },
    // Not on the desk page: the tables of `xaso import --group-by` and of the XLSX export.
    'aggregate by commune': { groupBy: 'commune' },
    'aggregate by intern': { groupBy: 'intern' },
  };
  const channel = (name: string) =>
    name.startsWith('drill')
      ? 'inbox:drill'
      : name.startsWith('desk')
        ? 'inbox:desk'
        : name.startsWith('aggregate')
          ? 'inbox:aggregate'
          : `inbox:${name}`;
  const times: Record<string, { coldMs: number; warmMs: number }> = {};
  for (const [name, request] of Object.entries(queries)) {
    const a = performance.now();
    must(await s.invokeUnknown(channel(name), request));
    const b = performance.now();
    must(await s.invokeUnknown(channel(name), request));
    times[name] = { coldMs: b - a, warmMs: performance.now() - b };
  }
  summary = { counts: imported?.counts ?? {}, importMs, queries: times };
}
const ms = performance.now() - start;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
process.stdout.write(
  `${JSON.stringify({ ms, peakRssMb: peak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, summary })}\n`,
);
