import { link, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  JsonFileError,
  atomicWriteJson,
  backupPathOf,
  readJsonWithBackup,
} from '../../../../main/service/storage/atomic-json.js';

const schema = z.object({ n: z.number(), text: z.string() }).strict();
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomicWriteJson', () => {
  it('writes, keeps the previous version as .bak and leaves no temp files', async () => {
    const file = path.join(dir, 'visit.json');
    await atomicWriteJson(file, { n: 1, text: 'Xã Đông Anh' });
    await atomicWriteJson(file, { n: 2, text: 'Phường Bến Nghé' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2, text: 'Phường Bến Nghé' });
    expect(JSON.parse(await readFile(backupPathOf(file), 'utf8'))).toEqual({
      n: 1,
      text: 'Xã Đông Anh',
    });
    expect((await readdir(dir)).sort()).toEqual(['visit.json', 'visit.json.bak']);
  });

  it('leaves no temp file when the backup already is the main file (a writer killed in between)', async () => {
    const file = path.join(dir, 'visit.json');
    await atomicWriteJson(file, { n: 1, text: 'Xã Đông Anh' });
    // A writer killed after linking the backup and before replacing the main file leaves both
    // names on one file; rename(2) between two links to one file does nothing.
    await link(file, backupPathOf(file)).catch(async () => {
      await rm(backupPathOf(file));
      await link(file, backupPathOf(file));
    });
    await atomicWriteJson(file, { n: 2, text: 'Phường Bến Nghé' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2, text: 'Phường Bến Nghé' });
    expect(JSON.parse(await readFile(backupPathOf(file), 'utf8'))).toEqual({
      n: 1,
      text: 'Xã Đông Anh',
    });
    expect((await readdir(dir)).sort()).toEqual(['visit.json', 'visit.json.bak']);
  });

  it('serialises concurrent writes to one file in call order', async () => {
    const file = path.join(dir, 'v.json');
    await Promise.all(
      Array.from({ length: 30 }, (_, n) => atomicWriteJson(file, { n, text: 'x' })),
    );
    const read = await readJsonWithBackup(file, schema);
    expect(read.value.n).toBe(29);
    expect(read.source).toBe('file');
  });

  it('retries a rename that Windows refuses for a while (EPERM), then succeeds', async () => {
    const file = path.join(dir, 'v.json');
    let failures = 0;
    const { rename } = await import('node:fs/promises');
    const flaky = async (from: string, to: string): Promise<void> => {
      if (failures < 3) {
        failures += 1;
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      }
      await rename(from, to);
    };
    await atomicWriteJson(file, { n: 7, text: 'y' }, { rename: flaky, retryWindowMs: 2000 });
    expect(failures).toBe(3);
    expect((await readJsonWithBackup(file, schema)).value.n).toBe(7);
  });

  it('gives up after the retry window and removes its temp file', async () => {
    const file = path.join(dir, 'v.json');
    const locked = async (): Promise<void> => {
      throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
    };
    await expect(
      atomicWriteJson(file, { n: 1, text: 'z' }, { rename: locked, retryWindowMs: 100 }),
    ).rejects.toThrow('EBUSY');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readJsonWithBackup', () => {
  it('falls back to the backup when the main file is damaged, and says why', async () => {
    const file = path.join(dir, 'v.json');
    await atomicWriteJson(file, { n: 1, text: 'a' });
    await atomicWriteJson(file, { n: 2, text: 'b' });
    await writeFile(file, '{"n": 2, "te');
    const read = await readJsonWithBackup(file, schema);
    expect(read).toMatchObject({ value: { n: 1 }, source: 'backup' });
    expect(read.problem).toMatch(/not valid JSON/);
  });

  it('falls back when the main file fails the schema', async () => {
    const file = path.join(dir, 'v.json');
    await atomicWriteJson(file, { n: 1, text: 'a' });
    await atomicWriteJson(file, { n: 'two', text: 'b' });
    const read = await readJsonWithBackup(file, schema);
    expect(read.source).toBe('backup');
    expect(read.problem).toMatch(/schema/);
  });

  it('does not overwrite a good backup with a damaged main file', async () => {
    const file = path.join(dir, 'v.json');
    await atomicWriteJson(file, { n: 1, text: 'a' });
    await atomicWriteJson(file, { n: 2, text: 'b' });
    await writeFile(file, 'garbage');
    await atomicWriteJson(file, { n: 3, text: 'c' });
    expect(JSON.parse(await readFile(backupPathOf(file), 'utf8'))).toEqual({ n: 1, text: 'a' });
  });

  it('tells missing from damaged', async () => {
    const file = path.join(dir, 'none.json');
    await expect(readJsonWithBackup(file, schema)).rejects.toMatchObject({ kind: 'missing' });
    await writeFile(file, 'x');
    const error: unknown = await readJsonWithBackup(file, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonFileError);
    expect(error).toMatchObject({ kind: 'damaged' });
  });
});
