/**
 * The headless flow of an intern going PC after PC, through the built CLI (`out/cli/xaso.js`,
 * bundled like the shipped one, so the font resolver and pdfkit/docx/exceljs externals are
 * exercised): `visit new`, `visit show`, `report` in every format, then `import` on the
 * supervisor's side with a tampered copy (exit code 3, one line per file).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = resolve('out/cli/xaso.js');
let dir = '';

async function xaso(
  args: string[],
  dataDir: string,
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, XASO_DATA_DIR: dataDir },
      maxBuffer: 1e7,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/cli/xaso.js is missing: run `npm run build` first');
  dir = await mkdtemp(join(tmpdir(), 'xaso-visit-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xaso visit / report / import', () => {
  it('creates, shows and exports a visit in every format', async () => {
    const intern = join(dir, 'intern');
    const file = join(dir, 'stick', 'tan-phuoc-hung.json');
    const created = await xaso(
      [
        'visit',
        'new',
        '--commune',
        'Xã Tân Phước Hưng',
        '--province',
        'Cần Thơ',
        '--intern',
        'Trần Thị Ánh',
        '--intern',
        'Lê Đức Huỳnh',
        '--out',
        file,
      ],
      intern,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Đã tạo chuyến công tác');
    const again = await xaso(
      ['visit', 'new', '--commune', 'X', '--province', 'Y', '--intern', 'Z', '--out', file],
      intern,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/không ghi đè/);
    const shown = await xaso(['visit', 'show', file, '--json'], intern);
    expect(JSON.parse(shown.stdout).visit.interns).toEqual([
      { name: 'Trần Thị Ánh' },
      { name: 'Lê Đức Huỳnh' },
    ]);
    for (const format of ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html']) {
      const out = join(dir, `r.${format}`);
      const exported = await xaso(['report', file, '--format', format, '--out', out], intern);
      expect(exported.code, exported.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    const text = await xaso(['report', file, '--format', 'text'], intern);
    expect(text.stdout).toMatch(/Xã Tân Phước Hưng – Cần Thơ, \d{2}\/\d{2}\/\d{4}/);
    const pdf = (
      await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'])
    ).stdout.normalize('NFC');
    // The minutes name every intern, each in the participants and in a signature block.
    expect(pdf).toContain('Trần Thị Ánh');
    expect(pdf).toContain('Lê Đức Huỳnh');
    const bad = await xaso(['report', file, '--format', 'odt'], intern);
    expect(bad.code).toBe(2);
  });

  it('imports on the supervisor side, enrolling the key file, and flags a tampered copy', async () => {
    const intern = join(dir, 'intern');
    const supervisor = join(dir, 'supervisor');
    expect(
      (
        await xaso(
          ['import', '--export-key', join(dir, 'anh.key.json'), '--label', 'Trần Thị Ánh'],
          intern,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await xaso(
          ['import', '--enrol-key', join(dir, 'anh.key.json'), '--name', 'Trần Thị Ngọc Ánh'],
          supervisor,
        )
      ).stdout,
    ).toMatch(/Đã đăng ký khoá [0-9a-f]{16} \(Trần Thị Ngọc Ánh\)/);
    const envelope = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    envelope.visit.commune.name = 'Xã Khác';
    await writeFile(join(dir, 'edited.json'), JSON.stringify(envelope));
    const imported = await xaso(
      ['import', join(dir, 'r.json'), join(dir, 'edited.json'), '--xlsx', join(dir, 'agg.xlsx')],
      supervisor,
    );
    expect(imported.code).toBe(3);
    expect(imported.stdout).toMatch(/✔ .*r\.json: Hợp lệ: niêm phong đúng, khoá đã đăng ký\./);
    expect(imported.stdout).toMatch(/✖ .*edited\.json: Mã băm SHA-256 không khớp/);
    expect(imported.stdout).toContain('Cần Thơ: 1 chuyến');
    expect(existsSync(join(dir, 'agg.xlsx'))).toBe(true);
    const json = await xaso(['import', join(dir, 'r.json'), '--json'], supervisor);
    // Incremental: the same file, unchanged since the last import, is not read again.
    expect(JSON.parse(json.stdout).verdicts[0].status).toBe('unchanged');
  });

  it('creates a visit in the data folder by default, prints its id, and takes the id everywhere', async () => {
    const data = join(dir, 'one-folder');
    const created = await xaso(
      ['visit', 'new', '--commune', 'Xã Mỹ Khánh', '--province', 'Cần Thơ', '--intern', 'Ánh'],
      data,
    );
    expect(created.code, created.stderr).toBe(0);
    const id = /mã (\S+):/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    // The file is in the data folder, so the app (visits:list) shows it.
    const listed = await xaso(['visit', 'list', '--json'], data);
    const items = JSON.parse(listed.stdout) as { id: string; file: string }[];
    expect(items.map((v) => v.id)).toEqual([id]);
    expect(items[0]!.file.startsWith(data)).toBe(true);
    const shown = await xaso(['visit', 'show', id!], data);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Mã chuyến công tác: ${id}`);
    const text = await xaso(['report', id!, '--format', 'text'], data);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Xã Mỹ Khánh');
    const missing = await xaso(['visit', 'show', 'khong-co'], data);
    expect(missing.code).not.toBe(0);
  });
});
