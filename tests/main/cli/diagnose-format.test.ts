/**
 * `xaso diagnose` text on a real diagnosis (the DNS-down commune PC, tests/fixtures/snapshots):
 * one cause, one finding, counted as the app counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tallyChecks } from '../../../diagnostics/findings.js';
import type { MachineSnapshot } from '../../../diagnostics/types.js';
import { formatSnapshot, verdictLine } from '../../../main/cli/commands/diagnose-format.js';

const snapshot = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../fixtures/snapshots/dns-down-commune-pc.json'),
    'utf8',
  ),
) as MachineSnapshot;

describe('xaso diagnose text', () => {
  it('counts problems only; affected, could-not-check and not-applicable apart', () => {
    const n = tallyChecks(snapshot.checks);
    expect(verdictLine(snapshot, 'vi')).toBe(
      `${n.problems} vấn đề cần xử lý (${n.fail} lỗi, ${n.warn} cảnh báo); 11 bị ảnh hưởng, ${n.unknown} không kiểm tra được, ${n.notApplicable} không áp dụng.`,
    );
    expect(n.problems).toBeLessThan(12);
    expect(verdictLine(snapshot, 'en')).toMatch(
      /^\d+ problems to fix \(\d+ failing, \d+ warnings?\); 11 affected/,
    );
  });

  it('lists the DNS finding once with the blocked sites under it, indented', () => {
    const lines = formatSnapshot(snapshot, 'vi');
    const network = lines.indexOf('Mạng:');
    expect(network).toBeGreaterThan(0);
    const block = lines.slice(network + 1, network + 14);
    expect(block[0]).toMatch(/^ {2}✖ lỗi\s+Phân giải tên miền \(DNS\)/);
    expect(block[1]).toMatch(/→ Cách khắc phục: /);
    expect(block.slice(2).every((l) => /^ {6}↳ bị ảnh hưởng/.test(l))).toBe(true);
    // Passed checks fold to one line of titles.
    expect(lines.filter((l) => l.startsWith('Đạt ('))).toHaveLength(1);
  });
});
