/**
 * Issue 11, "every door bounded": each case reproduced the way the hostile tester did, through
 * the real service (and the real CLI), on a temporary data folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultEnv, type ServiceEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { sampleSnapshot } from '../../fixtures/visits/sample.js';
import { runCliCaptured } from '../../helpers/cli.js';

let dir = '';
const service = (door: ServiceEnv['door']): Service =>
  createService(defaultEnv({ door, version: '0.0.0-test', dataDir: path.join(dir, 'data') }));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-bounded-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('the payload validator', () => {
  it('refuses a body of null (it is not an empty request)', async () => {
    const r = await service('web').invokeUnknown('visits:list', null);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses values nested 3,000 deep before they reach a visit file', async () => {
    const svc = service('test');
    const created = await svc.invoke('visits:create', {
      fields: { commune: { name: 'Xã A', province: 'Tỉnh B' } },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const snapshot = sampleSnapshot(1) as unknown as { checks: { data?: unknown }[] };
    snapshot.checks[0]!.data = nested(3000);
    const r = await svc.invokeUnknown('visits:add-snapshot', {
      ref: { id: created.value.visit.id },
      snapshot,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (r.ok) return;
    expect(r.error.issues?.[0]?.message.en).toMatch(/nested too deep, at most 64 levels/);
    expect(r.error.issues?.[0]?.message.vi).toMatch(/lồng nhau quá sâu/);
  });
});

describe('files named at a door', () => {
  it('checklists:validate from the web door refuses /etc/passwd and echoes none of it', async () => {
    const r = await service('web').invokeUnknown('checklists:validate', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(r)).not.toContain('root');
  });

  it('inbox:import from the web door refuses paths outside the data folder', async () => {
    const r = await service('web').invokeUnknown('inbox:import', { paths: ['/etc/passwd'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(r)).not.toContain('root');
  });

  it('a visit file that is not JSON is refused without quoting its first characters', async () => {
    const file = path.join(dir, 'secret.json');
    await writeFile(file, 'SECRET-PASSWORD-123 and more');
    const r = await service('cli').invokeUnknown('visits:open-file', { file });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('checklist images: a link out of the folder and a text file named .png are refused', async () => {
    const builtin = path.join(dir, 'builtin');
    await mkdir(builtin);
    await writeFile(path.join(dir, 'outside.png'), Buffer.from('89504e470d0a1a0a00', 'hex'));
    await symlink(path.join(dir, 'outside.png'), path.join(builtin, 'link.png'));
    await writeFile(path.join(builtin, 'fake.png'), 'not an image at all');
    const yaml = (id: string, src: string) => `schema: 1
id: ${id}
version: 1.0.0
task: other
title: { vi: Ảnh, en: Image }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
steps:
  - id: look
    kind: instruction
    title: { vi: Nhìn, en: Look }
    images:
      - { src: "${src}", alt: { vi: Ảnh, en: Image } }
`;
    await writeFile(path.join(builtin, 'a.yaml'), yaml('linked', 'link.png'));
    await writeFile(path.join(builtin, 'b.yaml'), yaml('faked', 'fake.png'));
    const svc = createService({
      ...defaultEnv({ door: 'test', version: '0', dataDir: path.join(dir, 'data') }),
      builtinChecklistsDir: builtin,
    });
    const r = await svc.invoke('checklists:list', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const messages = r.value.problems.map((p) => p.message.en).join('\n');
    expect(messages).toContain('outside the checklist folder');
    expect(messages).toContain('is not a PNG/JPEG image');
  });
});

describe('the CLI on special files and bad areas', () => {
  it('`diagnose --only nope` exits 2 (bad input), as the README says', async () => {
    const run = await runCliCaptured(['diagnose', '--only', 'nope']);
    expect(run.code).toBe(2);
    expect(run.errLines.join('\n')).toContain('nope');
  });

  it('`import /dev/zero` and a FIFO are refused at once, not read forever', async () => {
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCliCaptured(['import', '/dev/zero', fifo, '--json']);
    const out = JSON.parse(run.outLines.join('\n')) as {
      verdicts: { status: string; reason: { en: string } }[];
    };
    expect(out.verdicts.map((v) => v.status)).toEqual(['refused', 'refused']);
    expect(out.verdicts[0]?.reason.en).toContain('not a regular file');
  });

  it('`visit show FIFO` and `checklist validate FIFO` answer instead of hanging', async () => {
    const fifo = path.join(dir, 'visit.json');
    execFileSync('mkfifo', [fifo]);
    const shown = await runCliCaptured(['visit', 'show', fifo]);
    expect(shown.code).toBe(1);
    expect(shown.errLines.join('\n')).toMatch(/not a regular file/);
    const validated = await runCliCaptured(['checklist', 'validate', fifo]);
    expect(validated.code).not.toBe(0);
    expect(await readdir(dir)).toContain('visit.json');
  });
});
