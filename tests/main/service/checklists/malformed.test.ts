import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parseChecklistText, formatProblem } from '../../../../main/service/checklists/parse-file.js';
import { makeService, type TestService } from './setup.js';

const GOOD = `schema: 1
id: tiny
version: 1.0.0
task: other
title: { vi: Nhỏ, en: Tiny }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
steps:
  - id: a
    kind: question
    title: { vi: Có?, en: Yes? }
    input: { type: yes-no }
`;

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.cleanup();
  svc = undefined;
});

describe('a malformed checklist file is refused with file, line and reason', () => {
  it('YAML syntax error → the line of the error', () => {
    const parsed = parseChecklistText('bad.yaml', GOOD.replace('title: { vi: Nhỏ, en: Tiny }', 'title: { vi: Nhỏ, en: Tiny'));
    expect(parsed.ok).toBe(false);
    const first = parsed.ok ? undefined : parsed.errors[0];
    expect(first?.file).toBe('bad.yaml');
    expect(first?.line).toBeGreaterThanOrEqual(5);
    expect(first?.message.vi).toMatch(/cú pháp/);
  });

  it('JSON syntax error → the line of the error', () => {
    const parsed = parseChecklistText('bad.json', '{\n  "schema": 1,\n  "id": "x",,\n  "version": "1"\n}');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? 0 : parsed.errors[0]?.line).toBe(3);
  });

  it('schema error → the line of the wrong field, its path and a Vietnamese reason', () => {
    const text = GOOD.replace('    input: { type: yes-no }', '    input: { type: maybe }');
    const parsed = parseChecklistText('wrong.yaml', text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problem = parsed.errors[0]!;
    expect(problem.line).toBe(13);
    expect(problem.path).toBe('steps[0].input.type');
    expect(formatProblem(problem, 'vi')).toMatch(/^wrong\.yaml:13:\d+ steps\[0\]\.input\.type — /);
  });

  it('missing Vietnamese text and unknown fields are located', () => {
    const text = GOOD.replace('summary: { vi: Thử, en: Test }', 'summary: { en: Test }\ncolour: red');
    const parsed = parseChecklistText('x.yaml', text);
    if (parsed.ok) throw new Error('accepted');
    const byPath = new Map(parsed.errors.map((p) => [p.path, p]));
    expect(byPath.get('summary.vi')?.line).toBe(6);
    expect(byPath.get('colour')?.line).toBe(7);
  });

  it('semantic errors: a condition on a later step, an impossible answer', () => {
    const text = `${GOOD}    when: { answer: b, equals: "yes" }
  - id: b
    kind: question
    title: { vi: B, en: B }
    input: { type: yes-no }
    failing: { values: [maybe] }
`;
    const parsed = parseChecklistText('sem.yaml', text);
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.errors.map((p) => [p.line, p.path])).toEqual([
      [14, 'steps[0].when.answer'],
      [19, 'steps[1].failing.values'],
    ]);
  });

  it('an unknown probe id is a warning (step confirmed by hand), not an error', () => {
    const text = `${GOOD}  - id: c
    kind: check
    title: { vi: C, en: C }
    probe: no.such-probe
    pass: { checkId: x, status: [ok] }
    fix: { vi: Sửa, en: Fix }
`;
    const parsed = parseChecklistText('warn.yaml', text, new Set(['signature.token-certs']));
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings[0]).toMatchObject({ line: 17, path: 'steps[1].probe' });
  });

  it('a bad file in the library never hides the good ones', async () => {
    svc = await makeService();
    const dir = join(svc.dataDir, 'checklists');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'broken.yaml'), 'schema: 1\nid: [unclosed\n');
    await writeFile(join(dir, 'tiny.yaml'), GOOD);
    const list = await svc.call<{ checklists: { id: string }[]; problems: { file: string; line: number }[] }>('checklists:list', {});
    expect(list.checklists.map((c) => c.id)).toContain('tiny');
    expect(list.checklists.map((c) => c.id)).toContain('token-install');
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]?.file).toMatch(/broken\.yaml$/);
    expect(list.problems[0]?.line).toBeGreaterThan(0);
  });
});
