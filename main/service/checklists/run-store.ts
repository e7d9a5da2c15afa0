/**
 * Saves and reads checklist runs: one JSON file per run in `<dataDir>/checklist-runs/`, written
 * atomically after every step (temp file + fsync + rename, `.bak` kept), so a crash or a kill
 * loses at most the action being saved and the run resumes where it stopped.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { ServiceError } from '../errors.js';
import { atomicWriteJson, JsonFileError, readJsonWithBackup } from '../storage/atomic-json.js';
import { runSchema, type Run } from './run-model.js';

/** Folder of the run files. */
export function runsDir(dataDir: string): string {
  return join(dataDir, 'checklist-runs');
}

function runPath(dataDir: string, runId: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(runId)) {
    throw new ServiceError('invalid-request', { vi: 'Mã lượt làm không hợp lệ.', en: 'Invalid run id.' });
  }
  return join(runsDir(dataDir), `${runId}.json`);
}

/** Saves `run` with the next revision and `updatedAt`; returns what was saved. */
export async function saveRun(dataDir: string, run: Run, now: string): Promise<Run> {
  // Validated before writing, so a bad change can never reach the disk.
  const next: Run = runSchema.parse({ ...run, revision: run.revision + 1, updatedAt: now });
  try {
    await atomicWriteJson(runPath(dataDir, run.runId), next);
  } catch (error) {
    throw new ServiceError(
      'io-error',
      { vi: 'Không lưu được lượt làm danh mục.', en: 'Could not save the checklist run.' },
      { cause: error },
    );
  }
  return next;
}

/** Reads a run (falling back to its `.bak`); throws `not-found` when neither is usable. */
export async function loadRun(dataDir: string, runId: string): Promise<Run> {
  const file = runPath(dataDir, runId);
  try {
    return (await readJsonWithBackup(file, runSchema)).value;
  } catch (error) {
    if (error instanceof JsonFileError && error.kind === 'missing') {
      throw new ServiceError('not-found', {
        vi: `Không tìm thấy lượt làm "${runId}".`,
        en: `No checklist run "${runId}".`,
      });
    }
    throw new ServiceError(
      'io-error',
      { vi: `Tệp lượt làm "${runId}" bị hỏng và không có bản sao dùng được.`, en: `Run file "${runId}" is damaged and has no usable backup.` },
      { cause: error },
    );
  }
}

/** Every readable run, newest first. Unreadable files are skipped (they never hide the others). */
export async function listRuns(dataDir: string): Promise<Run[]> {
  let names: string[];
  try {
    names = await readdir(runsDir(dataDir));
  } catch {
    return [];
  }
  const ids = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
  const runs = await Promise.all(ids.map((id) => loadRun(dataDir, id).catch(() => undefined)));
  return runs
    .filter((run): run is Run => run !== undefined)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
