import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { ImportReport } from '../../../../main/service/checklists/contract.js';
import type { Checklist } from '../../../../main/service/checklists/schema.js';
import { makeService, TINY_PNG, type TestService } from './setup.js';

const WITH_IMAGE = (src: string): string => `schema: 1
id: pictured
version: 1.0.0
task: other
title: { vi: Có ảnh, en: Pictured }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
steps:
  - id: look
    kind: instruction
    title: { vi: Nhìn khay hệ thống, en: Look at the tray }
    images:
      - { src: "${src}", alt: { vi: Biểu tượng V đỏ, en: Red V icon } }
`;

let svc: TestService | undefined;
let dir: string | undefined;
afterEach(async () => {
  await svc?.cleanup();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  svc = undefined;
});

describe('step images', () => {
  it('inlines a PNG next to a built-in file as a data URL', async () => {
    dir = await mkdtemp(join(tmpdir(), 'x5-img-'));
    await writeFile(join(dir, 'tray-v.png'), Buffer.from(TINY_PNG.split(',')[1]!, 'base64'));
    await writeFile(join(dir, 'pictured.yaml'), WITH_IMAGE('tray-v.png'));
    svc = await makeService({ builtinDir: dir });
    const got = await svc.call<{ checklist: Checklist }>('checklists:get', { id: 'pictured' });
    expect(got.checklist.steps[0]?.images?.[0]?.src).toBe(TINY_PNG);
  });

  it('refuses a missing image with its line, and a file path in an imported checklist', async () => {
    dir = await mkdtemp(join(tmpdir(), 'x5-img-'));
    await writeFile(join(dir, 'pictured.yaml'), WITH_IMAGE('missing.png'));
    svc = await makeService({ builtinDir: dir });
    const list = await svc.call<{ checklists: unknown[]; problems: { line: number; path: string }[] }>('checklists:list', {});
    expect(list.problems).toMatchObject([{ line: 14, path: 'steps[0].images[0].src' }]);
    const imported = await svc.call<ImportReport>('checklists:import', { fileName: 'p.yaml', text: WITH_IMAGE('../etc/passwd.png') });
    expect(imported.action).toBe('invalid');
    expect(imported.report.errors[0]?.message.en).toMatch(/data URL/);
    const ok = await svc.call<ImportReport>('checklists:import', { fileName: 'p.yaml', text: WITH_IMAGE(TINY_PNG) });
    expect(ok.action).toBe('new');
  });
});
