import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { ImportReport } from '../../../../main/service/checklists/contract.js';
import { BUILTIN_DIR, makeService, type TestService } from './setup.js';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.cleanup();
  svc = undefined;
});

const builtinText = (): Promise<string> => readFile(join(BUILTIN_DIR, 'vietnamese-typing.yaml'), 'utf8');
/** The shipped version of that checklist (content updates raise it). */
const builtinVersion = async (): Promise<string> => /^version: (.*)$/m.exec(await builtinText())?.[1] ?? '';

describe('supervisor import', () => {
  it('previews, then stores a newer version that overrides the built-in by id', async () => {
    svc = await makeService();
    const text = (await builtinText()).replace(/^version: .*$/m, 'version: 1.1.0').replace('Gõ tiếng Việt, phông Times New Roman', 'Gõ tiếng Việt (bản tỉnh)');
    const preview = await svc.call<ImportReport>('checklists:import', { fileName: 'typing.yaml', text });
    expect(preview).toMatchObject({ action: 'update', current: { version: await builtinVersion(), origin: 'builtin' }, stored: false });
    expect(preview.report.checklist?.title.vi).toMatch(/bản tỉnh/);
    // Nothing changed until confirmed.
    let got = await svc.call<{ checklist: { version: string }; origin: string }>('checklists:get', { id: 'vietnamese-typing' });
    expect(got).toMatchObject({ origin: 'builtin', checklist: { version: await builtinVersion() } });
    const stored = await svc.call<ImportReport>('checklists:import', { fileName: 'typing.yaml', text, confirm: true });
    expect(stored.stored).toBe(true);
    got = await svc.call('checklists:get', { id: 'vietnamese-typing' });
    expect(got).toMatchObject({ origin: 'imported', checklist: { version: '1.1.0' } });
  });

  it('refuses the same or an older version, and an invalid file', async () => {
    svc = await makeService();
    const same = await svc.service.invoke('checklists:import', { fileName: 't.yaml', text: await builtinText(), confirm: true });
    expect(same.ok ? undefined : same.error.code).toBe('conflict');
    const bad = await svc.call<ImportReport>('checklists:import', { fileName: 'bad.yaml', text: 'schema: 2\n', confirm: true });
    expect(bad).toMatchObject({ action: 'invalid', stored: false });
    expect(bad.report.errors.length).toBeGreaterThan(0);
  });

  it('a run keeps the version it started with after an update', async () => {
    svc = await makeService();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'vietnamese-typing' });
    const text = (await builtinText()).replace(/^version: .*$/m, 'version: 2.0.0');
    await svc.call('checklists:import', { fileName: 'x.yaml', text, confirm: true });
    const view = await svc.call('checklists:get-run', { runId: run.runId });
    expect(view.run.checklist.version).toBe(await builtinVersion());
  });

  it('opens a checklist by an alias a diagnostics fix names', async () => {
    svc = await makeService();
    const got = await svc.call<{ checklist: { id: string } }>('checklists:get', { id: 'install-token-driver' });
    expect(got.checklist.id).toBe('token-install');
    const view = await svc.call('checklists:start-run', { checklistId: 'install-unikey' });
    expect(view.run.checklist.id).toBe('vietnamese-typing');
  });

  it('validates a file by path (the CLI) with the same report', async () => {
    svc = await makeService();
    const report = await svc.call<{ ok: boolean; checklist?: { id: string } }>('checklists:validate', { path: join(BUILTIN_DIR, 'token-install.yaml') });
    expect(report).toMatchObject({ ok: true, checklist: { id: 'token-install' } });
    const missing = await svc.service.invoke('checklists:validate', { path: '/nonexistent/x.yaml' });
    expect(missing.ok ? undefined : missing.error.code).toBe('not-found');
  });
});
