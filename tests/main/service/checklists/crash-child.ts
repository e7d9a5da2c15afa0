/**
 * Child process of crash-resume.test.ts: starts (or continues) a run of the `long` checklist and
 * answers its questions one by one as fast as it can, printing `saved <n>` after each save is
 * acknowledged. The parent kills it with SIGKILL somewhere in the middle of a write.
 */
import { makeService } from './setup.js';

const [dataDir, builtinDir] = process.argv.slice(2);
if (dataDir === undefined || builtinDir === undefined) throw new Error('usage: crash-child DATA BUILTIN');
const svc = await makeService({ dataDir, builtinDir });
const { run } = await svc.call('checklists:start-run', { checklistId: 'long' });
process.stdout.write(`run ${run.runId}\n`);
for (let n = 1; n <= 150; n++) {
  await svc.call('checklists:answer', { runId: run.runId, stepId: `q${n}`, value: n % 2 === 0 ? 'yes' : 'no', note: `ghi chú ${n}` });
  process.stdout.write(`saved ${n}\n`);
}
