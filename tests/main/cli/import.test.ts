/**
 * `xaso import` as a supervisor reads it in a terminal (real CLI and service): 40 files of keys
 * not enrolled are one line with the keys that sent them, not 40 lines; a damaged file keeps its
 * own line; counts are written the Vietnamese way; on a terminal, progress is a line every tenth
 * of the files, then the adding up.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { defaultEnv } from '../../../main/service/env.js';
import { createService } from '../../../main/service/index.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { generateProgramme } from '../../helpers/programme.js';

let dir = '';
const programme = generateProgramme({ interns: 7, communes: 5, visits: 40, seed: 5 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xaso-import-cli-'));
  await writeFile(join(dir, 'hong.json'), '{"format": "xaso.visit-export"');
  for (const f of programme.files) await writeFile(join(dir, f.name), f.text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('prints many alike verdicts as one line with the keys behind them, and each bad file apart', async () => {
  const data = await mkdtemp(join(tmpdir(), 'xaso-import-cli-data-'));
  const service = createService(defaultEnv({ door: 'cli', version: '9.9.9', dataDir: data }));
  const run = await runCliCaptured(['import', dir], { service, isTty: true });
  await rm(data, { recursive: true, force: true });
  expect(run.code).toBe(3);
  const out = run.outLines.join('\n');
  expect(out).toMatch(
    /^⚠ 40 tệp: Niêm phong đúng nhưng khoá chưa được đăng ký: cần xác minh người gửi rồi đăng ký khoá\.$/m,
  );
  // The 7 keys that sent them, most files first: 5 named, the rest counted.
  const keys = out.match(/^ {4}khoá [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}: \d+ tệp$/gm);
  expect(keys).toHaveLength(5);
  expect(out).toMatch(/^ {4}… và 2 khoá khác \(xem tất cả: xaso import … --json\)$/m);
  expect(out).toMatch(/^✖ .*hong\.json: Không phải JSON hợp lệ/m);
  expect(run.outLines.filter((l) => l.startsWith('⚠'))).toHaveLength(1);
  expect(out).toMatch(/^Tổng: 40 chuyến, .* người được hỗ trợ, [\d.,]+ giờ tại xã$/m);
  // Progress on a terminal: 41 files → a line a tenth, then the adding up; not one per file.
  expect(run.errLines.length).toBeLessThanOrEqual(12);
  expect(run.errLines.at(-1)).toBe('Đang tổng hợp số liệu cho bàn làm việc');
  expect(run.errLines[0]).toMatch(/^Đã kiểm tra 1\/41 tệp$/);
});

it('lists each file when there are few', async () => {
  const few = await mkdtemp(join(tmpdir(), 'xaso-import-cli-few-'));
  for (const f of programme.files.slice(0, 3)) await writeFile(join(few, f.name), f.text);
  const run = await runCliCaptured(['import', few]);
  await rm(few, { recursive: true, force: true });
  expect(run.outLines.filter((l) => l.startsWith('⚠ '))).toHaveLength(3);
  expect(run.outLines[0]).toMatch(
    /^⚠ .*visit-\d+\.json: Niêm phong đúng .* \[Xã .*, \d{2}\/\d{2}\/\d{4}\]$/,
  );
  expect(run.errLines).toEqual([]);
});
