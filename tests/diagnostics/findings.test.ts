import { describe, expect, it } from 'vitest';

import { markBlocked } from '../../diagnostics/blocking.js';
import { classifyCheck, findingsOf, tallyChecks } from '../../diagnostics/findings.js';
import type { CheckResult, CheckStatus } from '../../diagnostics/types.js';

const c = (id: string, status: CheckStatus, extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  area: id.startsWith('network') ? 'network' : 'os',
  status,
  title: { vi: id, en: id },
  detail: { vi: '', en: '' },
  ...extra,
});

describe('one cause, one finding', () => {
  it('counts problems, affected, unknown and not applicable apart', () => {
    const checks = [
      c('os.a', 'ok'),
      c('os.b', 'fail'),
      c('os.c', 'warn'),
      c('os.d', 'unknown', { reason: 'timeout: no answer' }),
      c('os.e', 'unknown', { reason: 'not applicable: Windows only' }),
      c('os.f', 'fail', { blockedBy: 'os.b' }),
    ];
    expect(checks.map(classifyCheck)).toEqual([
      'ok',
      'problem',
      'problem',
      'unknown',
      'not-applicable',
      'affected',
    ]);
    expect(tallyChecks(checks)).toEqual({
      problems: 2,
      fail: 1,
      warn: 1,
      affected: 1,
      ok: 1,
      unknown: 1,
      notApplicable: 1,
      total: 6,
    });
  });

  it('blocks the later rungs and every failing site under the lowest failing rung', () => {
    const checks = markBlocked([
      c('network.link', 'ok'),
      c('network.gateway', 'ok'),
      c('network.dns', 'fail'),
      c('network.internet', 'fail'),
      c('network.endpoint.dvc', 'fail'),
      c('network.endpoint.vneid', 'fail'),
      c('network.endpoint.ok', 'ok'),
      c('os.clock', 'ok'),
    ]);
    expect(checks.map((x) => x.blockedBy)).toEqual([
      undefined,
      undefined,
      undefined,
      'network.dns',
      'network.dns',
      'network.dns',
      undefined,
      undefined,
    ]);
    const findings = findingsOf(checks);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.check.id).toBe('network.dns');
    expect(findings[0]?.affected.map((x) => x.id)).toEqual([
      'network.internet',
      'network.endpoint.dvc',
      'network.endpoint.vneid',
    ]);
    expect(markBlocked(checks)).toEqual(checks);
  });

  it('blames a wrong PC clock for the sites that broke at the clock', () => {
    const checks = markBlocked([
      c('os.clock', 'fail'),
      c('network.dns', 'ok'),
      c('network.endpoint.dvc', 'fail', { values: { breaksAt: 'clock' } }),
      c('network.endpoint.slow', 'warn', { values: { breaksAt: 'slow' } }),
    ]);
    expect(checks.map((x) => x.blockedBy)).toEqual([undefined, undefined, 'os.clock', undefined]);
    expect(findingsOf(checks).map((f) => [f.check.id, f.affected.length])).toEqual([
      ['os.clock', 1],
      ['network.endpoint.slow', 0],
    ]);
  });

  it('keeps an affected check whose cause is missing as its own finding (nothing hidden)', () => {
    const checks = [c('network.endpoint.dvc', 'fail', { blockedBy: 'network.dns' })];
    expect(findingsOf(checks).map((f) => f.check.id)).toEqual(['network.endpoint.dvc']);
  });
});
