import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCliCaptured } from '../../helpers/cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const run = await runCliCaptured(argv);
  if (run.dataDir !== undefined) dirs.push(run.dataDir);
  return { code: run.code, out: run.outLines.join('\n'), err: run.errLines.join('\n') };
}

describe('xaso checklist', () => {
  it('lists the built-in checklists by task, in Vietnamese', async () => {
    const { code, out } = await cli(['checklist', 'list']);
    expect(code).toBe(0);
    expect(out).toContain('Chữ ký số:');
    expect(out).toMatch(
      /token-install\s+Cài đặt và kiểm tra USB token ký số \(v\d+\.\d+\.\d+, \d+ bước\)/,
    );
    expect(out).toContain('Máy in:');
  });

  it('searches without diacritics and prints JSON with --json', async () => {
    const { code, out } = await cli(['checklist', 'list', '--search', 'may in', '--json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(out) as { checklists: { id: string }[] }).checklists
      .map((c) => c.id)
      .sort();
    expect(ids).toEqual(
      expect.arrayContaining(['printer-network', 'printer-share-usb', 'printer-stuck-queue']),
    );
    expect(ids).not.toContain('vneid');
  });

  it('shows one checklist with its steps, unconfirmed facts and sources', async () => {
    const { code, out } = await cli(['checklist', 'show', 'token-install']);
    expect(code).toBe(0);
    expect(out).toMatch(/Cài đặt và kiểm tra USB token ký số \(token-install v\d+\.\d+\.\d+\)/);
    expect(out).toContain('Chưa xác nhận:');
    expect(out).toContain('Nguồn:');
    const en = await cli(['checklist', 'show', 'token-install', '--lang', 'en']);
    expect(en.out).toContain('Install and verify a USB signing token');
    const missing = await cli(['checklist', 'show', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không có danh mục "nope"');
  });

  it('validates a file: exit 0 when valid, 1 with file:line — reason when not, 2 on bad usage', async () => {
    const ok = await cli(['checklist', 'validate', 'checklists/cert-renew.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^✓ checklists\/cert-renew\.yaml: hợp lệ — cert-renew v\d+\.\d+\.\d+/);
    const dir = await mkdtemp(join(tmpdir(), 'x5-cli-file-'));
    dirs.push(dir);
    const file = join(dir, 'hong.yaml');
    await writeFile(file, 'schema: 1\nid: Hỏng\nversion: 1.0.0\n');
    const bad = await cli(['checklist', 'validate', file]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${file}:2:5 id — `);
    const json = await cli(['checklist', 'validate', file, '--json']);
    expect(json.code).toBe(1);
    expect(
      (JSON.parse(json.out) as { ok: boolean; errors: unknown[] }).errors.length,
    ).toBeGreaterThan(1);
    const usage = await cli(['checklist', 'validate']);
    expect(usage.code).toBe(2);
  });
});
