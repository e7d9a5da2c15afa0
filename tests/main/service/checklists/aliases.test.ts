/**
 * YAML aliases: a legitimate anchor reused 150 times is accepted; an alias bomb is refused with
 * its file and line; and one bad file never hides the other checklists of `checklist list`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parseChecklistText } from '../../../../main/service/checklists/parse-file.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService } from '../../../../main/service/index.js';
import { runCliCaptured } from '../../../helpers/cli.js';

const HEAD = (id: string) => `schema: 1
id: ${id}
version: 1.0.0
task: other
title: { vi: Bí danh, en: Aliases }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
`;

/** 150 steps sharing one anchored title. */
function reused(id: string, times: number): string {
  const steps = Array.from(
    { length: times },
    (_, i) =>
      `  - id: s${i}\n    kind: instruction\n    title: ${i === 0 ? '&t { vi: Nhìn, en: Look }' : '*t'}\n`,
  );
  return `${HEAD(id)}steps:\n${steps.join('')}`;
}

/** Nine levels of ten aliases each: 10^9 strings if expanded. */
function bomb(id: string): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return `${HEAD(id)}x:\n${levels.map((l) => `  ${l}`).join('\n')}\nsteps: []\n`;
}

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('YAML aliases in checklists', () => {
  it('accepts an anchor reused 150 times', () => {
    const parsed = parseChecklistText('reused.yaml', reused('reused', 150));
    expect(parsed.ok).toBe(true);
  });

  it('refuses an alias bomb with its line, without throwing', () => {
    const parsed = parseChecklistText('bomb.yaml', bomb('bomb'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ file: 'bomb.yaml', line: 11 });
    expect(parsed.errors[0]?.message.en).toMatch(/too many YAML aliases/);
  });

  it('`xaso checklist list` still lists the good checklists beside a bad one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xaso-aliases-'));
    await writeFile(join(dir, 'bomb.yaml'), bomb('bomb'));
    await writeFile(join(dir, 'reused.yaml'), reused('reused', 150));
    const service = createService({
      ...defaultEnv({ door: 'cli', version: '0', dataDir: join(dir, 'data') }),
      builtinChecklistsDir: dir,
    });
    const run = await runCliCaptured(['checklist', 'list', '--json'], { service });
    const out = JSON.parse(run.outLines.join('\n')) as {
      checklists: { id: string }[];
      problems: { file: string; line: number }[];
    };
    expect(out.checklists.map((c) => c.id)).toEqual(['reused']);
    expect(out.problems).toMatchObject([{ file: join(dir, 'bomb.yaml'), line: 11 }]);
  });
});
