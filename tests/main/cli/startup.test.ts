/**
 * The built CLI loads only what a command needs: `--version` and `--help` load neither the
 * service chunk nor any heavy library; a command that calls the service loads the service but
 * not the PDF/DOCX/XLSX writers. Every module Node resolves is logged by a resolve hook.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve('out/cli/xaso.js');
const HOOK = `data:text/javascript,${encodeURIComponent('import { registerHooks } from "node:module"; registerHooks({ resolve(s, c, next) { const r = next(s, c); process.stderr.write("RESOLVED " + r.url + "\\n"); return r; } });')}`;

async function loaded(args: readonly string[]): Promise<string[]> {
  if (!existsSync(BIN)) throw new Error('out/cli/xaso.js missing: run `npm run build` first');
  const env = { ...process.env, XASO_DATA_DIR: await mkdtemp(join(tmpdir(), 'h4-startup-')) };
  const { stderr } = await run(process.execPath, ['--import', HOOK, BIN, ...args], { env });
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('RESOLVED '))
    .map((l) => l.slice(9));
}

const HEAVY = /\/chunks\/service-|exceljs|pdfkit|[/]docx[/]|systeminformation|zod/;

describe('CLI start-up', () => {
  it.each([['--version'], ['--help'], ['--lang', 'en', '--help']])(
    '%s loads no service and no heavy library',
    async (...args) => {
      const urls = await loaded(args);
      expect(urls.some((u) => u.endsWith('/out/cli/xaso.js'))).toBe(true);
      expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
      // What it parses: the entry and small shared chunks (the service chunk alone is > 1 MB).
      const bytes = [...new Set(urls.filter((u) => u.startsWith('file:')))].reduce(
        (sum, u) => sum + statSync(fileURLToPath(u)).size,
        0,
      );
      expect(bytes).toBeLessThan(200_000);
    },
  );

  it('loads the service for a command, but not the PDF/DOCX/XLSX writers', async () => {
    const urls = await loaded(['info', '--json']);
    expect(urls.some((u) => /\/chunks\/service-/.test(u))).toBe(true);
    expect(urls.filter((u) => /exceljs|pdfkit|[/]docx[/]|format-(pdf|docx|xlsx)/.test(u))).toEqual(
      [],
    );
  });
});
