// `npm run bench` (run with tsx): every benchmark prints its figures beside the named baseline measured in the
// same run. Add a benchmark as scripts/bench/<name>.ts exporting `run()`, and list it here.
type Bench = { name: string; load: () => Promise<{ run: () => Promise<void> }> };

const benches: Bench[] = [
  { name: 'reports', load: () => import('./bench/reports.js') },
  { name: 'scan', load: () => import('./bench/scan.js') },
  { name: 'cli-startup', load: () => import('./bench/cli-startup.js') },
  { name: 'electron-preload', load: () => import('./bench/electron-preload.js') },
  { name: 'checklists', load: () => import('./bench/checklists.js') },
  { name: 'sweep', load: () => import('./bench/sweep.js') },
  { name: 'web-load', load: () => import('./bench/web-load.js') },
  { name: 'desk', load: () => import('./bench/desk.js') },
  { name: 'server', load: () => import('./bench/server.js') },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  console.log(`\n== ${bench.name} ==`);
  const mod = await bench.load();
  await mod.run();
}
