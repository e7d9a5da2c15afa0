import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService } from '../../../../main/service/index.js';

// Every fix a probe offers that names a checklist must open a real one (by id or alias): the
// Diagnose place links to `#/checklists/<id>`.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('fix links from diagnostics to checklists', () => {
  it('every checklistId named in diagnostics/ resolves to a built-in checklist', async () => {
    const ids = new Set<string>();
    for (const file of sources('diagnostics')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/checklistId:\s*'([a-z0-9-]+)'/g)) ids.add(m[1]!);
    }
    expect(ids.size).toBeGreaterThan(0);
    const service = createService(defaultEnv({ door: 'test', version: '0', dataDir: await mkdtemp(join(tmpdir(), 'xaso-links-')) }));
    const missing: string[] = [];
    for (const id of ids) {
      const result = await service.invoke('checklists:get', { id });
      if (!result.ok) missing.push(id);
    }
    expect(missing).toEqual([]);
  });
});
