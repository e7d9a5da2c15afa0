/**
 * Every fix goes somewhere right: each `fix.checklistId` named in diagnostics/ opens a checklist
 * whose title is that fix (not an alias into a bigger checklist that starts elsewhere).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import { createService } from '../../../../main/service/index.js';

/** What the opened checklist's Vietnamese title must say, per fix id. */
const TITLES: Readonly<Record<string, RegExp>> = {
  'fix-clock': /đồng hồ và múi giờ/i,
  'fix-windows-upgrade': /Nâng cấp Windows/,
  'fix-windows-update': /Cập nhật Windows/,
  'fix-antivirus': /diệt virus/,
  'fix-firewall': /tường lửa/i,
  'fix-backup': /Sao lưu/,
  'fix-fonts': /phông chữ/i,
  'fix-signing-service': /dịch vụ ký số/,
  'fix-smartcard-service': /Smart Card/,
  'fix-root-ca': /chứng thư gốc/i,
  'fix-browser': /trình duyệt/i,
  'fix-office': /văn phòng/,
  'free-disk-space': /dung lượng ổ đĩa/,
  'renew-certificate': /Gia hạn .*chứng thư/,
  'install-token-driver': /Cài đặt .*token/,
  'install-unikey': /Gõ tiếng Việt/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('fix links open the checklist of that fix', () => {
  it('every checklistId in diagnostics/ has a checklist whose title matches it', async () => {
    const ids = new Set<string>();
    for (const file of sources('diagnostics')) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/checklistId:\s*`/);
      for (const m of text.matchAll(/checklistId:\s*'([a-z0-9-]+)'/g)) ids.add(m[1]!);
    }
    expect([...ids].sort()).toEqual(Object.keys(TITLES).sort());
    const dataDir = await mkdtemp(join(tmpdir(), 'xaso-fix-titles-'));
    const service = createService(defaultEnv({ door: 'test', version: '0', dataDir }));
    for (const id of ids) {
      const result = await service.invoke('checklists:get', { id });
      expect(result.ok, id).toBe(true);
      if (!result.ok) continue;
      expect(result.value.checklist.title.vi, id).toMatch(TITLES[id]!);
    }
  });
});
