/**
 * Checklists: how long loading the whole built-in library takes (YAML with positions + zod +
 * semantic checks) against plain `JSON.parse` of the same data, and how long one answered step
 * takes end to end (load run, validate, apply, fsync'd atomic save with .bak) against a bare
 * `writeFile` of the same run (no fsync, no backup, no validation): the price of "nothing lost".
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createProbeRunner } from '../../main/service/checklists/probe-runner.js';
import { checklistsContract } from '../../main/service/checklists/contract.js';
import { checklistsHandlers } from '../../main/service/checklists/handlers.js';
import { parseChecklistText } from '../../main/service/checklists/parse-file.js';
import type { RunView } from '../../main/service/checklists/run-model.js';
import { defaultEnv } from '../../main/service/env.js';
import { createServiceFrom } from '../../main/service/index.js';

const BUILTIN = resolve('checklists');

async function time(times: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) await fn();
  return (performance.now() - start) / times;
}

async function library(): Promise<void> {
  const files = (await readdir(BUILTIN)).filter((f) => f.endsWith('.yaml'));
  const texts = await Promise.all(
    files.map(async (f) => ({ f, text: await readFile(join(BUILTIN, f), 'utf8') })),
  );
  const jsons = texts.map(({ f, text }) => {
    const parsed = parseChecklistText(f, text);
    return JSON.stringify(parsed.ok ? parsed.checklist : {});
  });
  const ours = await time(20, () => texts.forEach(({ f, text }) => parseChecklistText(f, text)));
  const base = await time(20, () => jsons.forEach((j) => JSON.parse(j)));
  console.log(
    `library (${files.length} files): validate ${ours.toFixed(1)} ms · baseline JSON.parse ${base.toFixed(2)} ms · ratio ${(ours / base).toFixed(0)}×`,
  );
}

async function steps(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'x5-bench-'));
  try {
    const env = defaultEnv({ door: 'test', version: 'bench', dataDir });
    const service = createServiceFrom(
      checklistsContract,
      checklistsHandlers(env, { runner: createProbeRunner([]), builtinDir: BUILTIN }),
    );
    const start = await service.invoke('checklists:start-run', { checklistId: 'new-pc-handover' });
    if (!start.ok) throw new Error(start.error.message.en);
    const { run } = start.value as RunView;
    let n = 0;
    const ours = await time(50, async () => {
      const r = await service.invoke('checklists:add-evidence', {
        runId: run.runId,
        stepId: 'asset-tag',
        note: `ghi chú ${n++}`,
      });
      if (!r.ok) throw new Error(r.error.message.en);
    });
    const file = join(dataDir, 'plain.json');
    const base = await time(50, () => writeFile(file, JSON.stringify(run)));
    console.log(
      `one saved step: ${ours.toFixed(2)} ms · baseline bare writeFile ${base.toFixed(2)} ms · ratio ${(ours / base).toFixed(1)}× (target: < 50 ms per step)`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints the library and per-step figures. */
export async function run(): Promise<void> {
  await library();
  await steps();
}
