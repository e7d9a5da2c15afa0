import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { atomicWriteJson } from '../../../../main/service/storage/atomic-json.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import type { ExportResult } from '../../../../main/service/reports/contract.js';
import type { Visit } from '../../../../main/service/visits/schema.js';

export const exec = promisify(execFile);

/** A service on a temporary data folder, with one saved visit. */
export async function setup(
  visit: Visit,
): Promise<{ dir: string; service: Service; file: string; close: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-reports-'));
  const file = path.join(dir, 'visit.json');
  await atomicWriteJson(file, visit);
  const service = createService(
    defaultEnv({
      dataDir: path.join(dir, 'data'),
      door: 'test',
      version: '0.1.0-test',
      now: () => new Date('2026-11-21T03:00:00Z'),
    }),
  );
  return { dir, service, file, close: () => rm(dir, { recursive: true, force: true }) };
}

/** Exports through the real channel and returns the result. */
export async function exportAs(
  service: Service,
  file: string,
  format: string,
  out: string,
  lang = 'vi',
): Promise<ExportResult> {
  const result = await service.invokeUnknown('reports:export', {
    ref: { file },
    format,
    out,
    lang,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as ExportResult;
}
