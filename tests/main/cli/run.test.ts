import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { UsageError, type Command } from '../../../main/cli/command.js';
import { commands } from '../../../main/cli/commands/index.js';
import { runCliCaptured } from '../../helpers/cli.js';

const run = promisify(execFile);

async function cli(argv: string[], extra: Command[] = []) {
  const run = await runCliCaptured(argv, { commands: [...commands, ...extra] });
  return {
    code: run.code,
    out: run.outLines.join('\n'),
    err: run.errLines.join('\n'),
    errLines: run.errLines.length,
    dataDir: run.dataDir,
  };
}

describe('xaso CLI', () => {
  it('prints help in Vietnamese by default, English with --lang en', async () => {
    const vi = await cli(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Cách dùng: xaso <lệnh>');
    for (const c of commands) expect(vi.out).toContain(c.name);
    const en = await cli(['--lang', 'en', '--help']);
    expect(en.out).toContain('Usage: xaso <command>');
  });

  it('prints the version', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: '9.9.9' });
  });

  it('runs info as text and as JSON', async () => {
    const text = await cli(['info']);
    expect(text.out).toContain('Thư mục dữ liệu');
    const json = await cli(['info', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      version: '9.9.9',
      door: 'cli',
      dataDir: json.dataDir,
    });
  });

  it('refuses bad input with exit 2 and one line', async () => {
    for (const argv of [['nope'], ['info', '--bogus'], ['--lang', 'fr', 'info'], ['-x']]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.errLines).toBe(1);
      expect(result.err).toMatch(/^xaso: /);
    }
  });

  it('turns a UsageError into one line in the chosen language', async () => {
    const strict: Command = {
      name: 'strict',
      summary: { vi: 'x', en: 'x' },
      usage: [],
      flags: ['n'],
      run: async () => {
        throw new UsageError({ vi: '--n phải là số', en: '--n must be a number' });
      },
    };
    expect(await cli(['strict', '--n', 'a'], [strict])).toMatchObject({
      code: 2,
      err: 'xaso: --n phải là số',
    });
    expect(await cli(['--lang', 'en', 'strict'], [strict])).toMatchObject({
      code: 2,
      err: 'xaso: --n must be a number',
    });
  });

  it('works as a real process (built bundle)', async () => {
    const bin = resolve('out/cli/xaso.js');
    if (!existsSync(bin)) throw new Error('out/cli/xaso.js missing: run `npm run build` first');
    const env = { ...process.env, XASO_DATA_DIR: await mkdtemp(join(tmpdir(), 'xaso-bin-')) };
    const help = await run(process.execPath, [bin, '--help'], { env });
    expect(help.stdout).toContain('Cách dùng');
    const version = await run(process.execPath, [bin, '--version'], { env });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bad = await run(process.execPath, [bin, 'info', '--bogus'], { env }).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });
});
