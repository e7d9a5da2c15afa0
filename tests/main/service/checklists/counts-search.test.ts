/**
 * Indicators, privacy and search of the checklists service over the shipped checklists: a
 * completed run of a counted checklist carries `counts` in its summary; a citizen's dossier code
 * stays out of the summary unless the intern opts in; a downloaded root is verified by SHA-256;
 * search ignores diacritics and matches whole words.
 */
import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import type { ChecklistListItem } from '../../../../main/service/checklists/contract.js';
import type { ChecklistRunSummary } from '../../../../main/service/checklists/summary.js';
import { parseChecklistText } from '../../../../main/service/checklists/parse-file.js';
import { COUNT_CATEGORIES } from '../../../../main/service/checklists/schema.js';
import { makeService, type TestService } from './setup.js';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.cleanup();
  svc = undefined;
});

async function answerAll(s: TestService, runId: string, answers: Readonly<Record<string, string | undefined>>): Promise<void> {
  for (const [stepId, value] of Object.entries(answers))
    await s.call('checklists:answer', { runId, stepId, ...(value === undefined ? {} : { value }) });
}

const DOSSIER = {
  consent: 'yes',
  login: 'yes',
  procedure: 'Đăng ký khai sinh',
  fill: undefined,
  submitted: 'H12.34-261201-0007',
} as const;

describe('counts and private answers in the run summary', () => {
  it('the category ids are the fixed list the supervisor counts by', () => {
    expect(COUNT_CATEGORIES).toEqual(['vneid-level2', 'public-service-dossier', 'personal-signature', 'officials-trained', 'business', 'other']);
  });

  it('a completed dossier run counts one public-service dossier; the code stays on this PC', async () => {
    svc = await makeService();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'dvc-dossier' });
    await answerAll(svc, run.runId, { ...DOSSIER, 'share-code': 'no', 'citizen-knows': 'yes' });
    const view = await svc.call('checklists:get-run', { runId: run.runId });
    expect(view.run.status).toBe('completed');
    expect(view.run.steps['submitted']?.answer).toBe('H12.34-261201-0007'); // kept in the run
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: run.runId });
    expect(summary.counts).toEqual({ category: 'public-service-dossier', role: 'citizen' });
    expect(summary.steps.find((s) => s.stepId === 'submitted')?.answer).toBeUndefined();
    expect(JSON.stringify(summary)).not.toContain('H12.34-261201-0007');
  });

  it('the code travels only when the intern opts in; an unfinished run counts nothing', async () => {
    svc = await makeService();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'dvc-dossier' });
    await answerAll(svc, run.runId, { ...DOSSIER, 'share-code': 'yes' });
    let summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: run.runId });
    expect(summary.status).toBe('in-progress');
    expect(summary.counts).toBeUndefined();
    expect(summary.steps.find((s) => s.stepId === 'submitted')?.answer).toBe('H12.34-261201-0007');
    await answerAll(svc, run.runId, { 'citizen-knows': 'yes' });
    summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: run.runId });
    expect(summary.counts?.category).toBe('public-service-dossier');
  });

  it('refuses a counts category outside the fixed list, and a private answer tied to no yes-no question', () => {
    const base = `schema: 1\nid: x\nversion: 1.0.0\ntask: other\ntitle: { vi: a, en: a }\nsummary: { vi: a, en: a }\ncheckedOn: 2026-12-01\nsources: [{ label: a, url: "https://example.org" }]\n`;
    const steps = `steps:\n  - { id: q, kind: question, title: { vi: a, en: a }, input: { type: text }, privateAnswer: { unlessAnswer: nope } }\n`;
    expect(parseChecklistText('x.yaml', `${base}counts: { category: trained, role: official }\n${steps}`).ok).toBe(false);
    const unknownStep = parseChecklistText('x.yaml', `${base}counts: { category: other, role: citizen, when: { answer: nope, equals: "yes" } }\nsteps:\n  - { id: q, kind: question, title: { vi: a, en: a }, input: { type: yes-no } }\n`);
    expect(unknownStep.ok).toBe(false);
    if (!unknownStep.ok) expect(JSON.stringify(unknownStep.errors)).toContain('nope');
    const bad = parseChecklistText('x.yaml', `${base}counts: { category: officials-trained, role: official }\n${steps}`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.errors)).toContain('unlessAnswer');
  });
});

describe('root certificate verification (file SHA-256)', () => {
  const G2 = 'f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8';

  it('a matching fingerprint shows the install step; another file fails and hides it', async () => {
    svc = await makeService();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'token-install' });
    await svc.call('checklists:answer', { runId: run.runId, stepId: 'provider', value: 'vgca' });
    // A swapped file: the SHA-256 of some other bytes.
    const other = createHash('sha256').update('not the root').digest('hex');
    let view = await svc.call('checklists:answer', { runId: run.runId, stepId: 'roots-vgca-verify', value: other });
    expect(view.steps.find((s) => s.id === 'roots-vgca-verify')?.outcome).toBe('failed');
    expect(view.steps.find((s) => s.id === 'roots-vgca')?.visible).toBe(false);
    // Upper case with colons (as Windows shows it) is accepted and normalised.
    const colons = G2.toUpperCase().match(/../g)!.join(':');
    view = await svc.call('checklists:answer', { runId: run.runId, stepId: 'roots-vgca-verify', value: colons });
    expect(view.run.steps['roots-vgca-verify']?.answer).toBe(G2);
    expect(view.steps.find((s) => s.id === 'roots-vgca-verify')?.outcome).toBe('answered');
    expect(view.steps.find((s) => s.id === 'roots-vgca')?.visible).toBe(true);
    const bad = await svc.service.invoke('checklists:answer', { runId: run.runId, stepId: 'roots-vgca-verify', value: 'abc' });
    expect(bad.ok ? '' : bad.error.message.vi).toMatch(/64 chữ số/);
  });

  it('the step shows the fingerprint of the root list it checks against', async () => {
    const roots = (await import('../../../../diagnostics/data/vn-roots.json', { with: { type: 'json' } })).default;
    svc = await makeService();
    const { checklist } = await svc.call<{ checklist: { steps: { id: string; body?: { vi: string }; input?: { expect?: string[] } }[] } }>('checklists:get', { id: 'token-install' });
    for (const [stepId, rootId] of [['roots-vgca-verify', 'vgca-rootcag2'], ['roots-public-verify', 'vn-nrca-sha256']] as const) {
      const sha = roots.roots.find((r) => r.id === rootId)?.sha256;
      const step = checklist.steps.find((s) => s.id === stepId);
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      expect(step?.input?.expect).toEqual([sha]);
      expect(step?.body?.vi).toContain(sha);
    }
  });
});

describe('checklist search', () => {
  const search = async (query: string): Promise<string[]> =>
    (await svc!.call<{ checklists: ChecklistListItem[] }>('checklists:list', { query })).checklists.map((c) => c.id);

  it('"chu ky so" finds the signature checklists, not "free disk space"', async () => {
    svc = await makeService();
    const found = await search('chu ky so');
    expect(found).toEqual(expect.arrayContaining(['cert-renew', 'token-unlock', 'token-install']));
    expect(found).not.toContain('free-disk-space');
    expect(await search('CHỮ KÝ SỐ')).toEqual(found);
  });

  it('matches whole words (or a word start from 3 letters)', async () => {
    svc = await makeService();
    expect(await search('may in')).toEqual(expect.arrayContaining(['printer-network', 'printer-share-usb', 'printer-stuck-queue']));
    expect(await search('may in')).not.toContain('vneid');
    expect(await search('vne')).toContain('vneid');
    expect(await search('zzz')).toEqual([]);
  });
});
