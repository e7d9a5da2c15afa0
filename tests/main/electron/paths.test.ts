import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  PORTABLE_DATA_FOLDER,
  appPaths,
  isWritableDir,
  resolveDataDir,
} from '../../../main/electron/paths.js';

describe('resolveDataDir', () => {
  const defaultDir = '/home/u/.config/xaso';
  const always = () => true;
  const never = () => false;

  it('uses the default folder when not portable', () => {
    expect(resolveDataDir({}, defaultDir, always)).toEqual({
      dataDir: defaultDir,
      portable: false,
    });
    expect(resolveDataDir({ PORTABLE_EXECUTABLE_DIR: '  ' }, defaultDir, always)).toEqual({
      dataDir: defaultDir,
      portable: false,
    });
  });

  it('keeps data beside the portable executable when that folder is writable', () => {
    const checked: string[] = [];
    const choice = resolveDataDir({ PORTABLE_EXECUTABLE_DIR: 'E:\\XaSo' }, defaultDir, (dir) => {
      checked.push(dir);
      return true;
    });
    expect(choice).toEqual({ dataDir: join('E:\\XaSo', PORTABLE_DATA_FOLDER), portable: true });
    expect(checked).toEqual([join('E:\\XaSo', PORTABLE_DATA_FOLDER)]);
  });

  it('falls back to the default folder on a read-only stick', () => {
    expect(resolveDataDir({ PORTABLE_EXECUTABLE_DIR: '/media/ro' }, defaultDir, never)).toEqual({
      dataDir: defaultDir,
      portable: false,
    });
  });
});

describe('isWritableDir (real file system)', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'xaso-paths-'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates the folder and leaves no probe file behind', async () => {
    const dir = join(base, 'stick', PORTABLE_DATA_FOLDER);
    expect(isWritableDir(dir)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('says no when the folder cannot be created (a file is in the way)', async () => {
    await writeFile(join(base, 'a-file'), 'x');
    expect(isWritableDir(join(base, 'a-file', PORTABLE_DATA_FOLDER))).toBe(false);
  });
});

describe('appPaths', () => {
  it('points at the bundles that scripts/build-node.mjs and vite write', () => {
    expect(appPaths('/app')).toEqual({
      preload: join('/app', 'out', 'preload', 'index.cjs'),
      rendererDir: join('/app', 'out', 'renderer'),
    });
  });
});
