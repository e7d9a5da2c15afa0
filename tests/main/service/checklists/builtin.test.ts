import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { probes } from '../../../../diagnostics/probes.js';
import { parseChecklistText, formatProblem } from '../../../../main/service/checklists/parse-file.js';
import { BUILTIN_DIR } from './setup.js';

const files = (await readdir(BUILTIN_DIR)).filter((f) => /\.(ya?ml|json)$/.test(f));
const registry = new Set(probes.map((p) => p.id));

describe('built-in checklists', () => {
  it('cover the seven content areas of issue 5', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s validates against the schema and the semantic rules', async (name) => {
    const parsed = parseChecklistText(name, await readFile(join(BUILTIN_DIR, name), 'utf8'), registry);
    if (!parsed.ok) throw new Error(parsed.errors.map((p) => formatProblem(p, 'en')).join('\n'));
    // Every automatic check names a probe of the diagnostics registry (no silent manual fallback).
    expect(parsed.warnings.map((p) => formatProblem(p, 'en'))).toEqual([]);
    const { checklist } = parsed;
    expect(`${checklist.id}.yaml`).toBe(name);
    // Every checklist cites shared/DOMAIN.md or a primary source with a link.
    expect(checklist.sources.every((s) => /^https?:\/\//.test(s.url))).toBe(true);
    // Unconfirmed facts are said to the user in both languages.
    for (const note of checklist.unconfirmed) {
      expect(note.vi).toMatch(/CHƯA XÁC NHẬN|chưa xác nhận|chưa đối chiếu|chưa được mở/i);
    }
    for (const step of checklist.steps.filter((s) => s.unconfirmed !== undefined)) {
      expect(step.unconfirmed?.vi).toMatch(/chưa/i);
    }
  });

  it('token-install has a branch for every provider the issue names', async () => {
    const parsed = parseChecklistText('t', await readFile(join(BUILTIN_DIR, 'token-install.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error('invalid');
    const provider = parsed.checklist.steps.find((s) => s.id === 'provider');
    expect(provider?.kind === 'question' && provider.input.type === 'choice' ? provider.input.options.map((o) => o.value) : []).toEqual(
      ['vgca', 'vnpt', 'viettel', 'bkav', 'fpt', 'misa', 'other'],
    );
  });

  it('the example in the README section validates', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section:checklists'), readme.indexOf('<!-- /section:checklists -->'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const parsed = parseChecklistText('README.md', example, registry);
    if (!parsed.ok) throw new Error(parsed.errors.map((p) => formatProblem(p, 'en')).join('\n'));
    expect(parsed.checklist.steps.length).toBeGreaterThan(2);
  });
});
