/**
 * The desk's figures from the latest state (`desk.ts`): two visits to one commune carrying items
 * over, machines seen twice, multi-intern visits shared, checks counted by `findings.ts`, people
 * helped from typed entries and from checklist runs.
 */
import { describe, expect, it } from 'vitest';

import { cachedDesk, computeDesk, isoWeek } from '../../../../main/service/inbox/desk.js';
import { visitFacts } from '../../../../main/service/inbox/facts.js';
import type { DeskRows, VisitRow } from '../../../../main/service/inbox/store-types.js';
import type { Visit } from '../../../../main/service/visits/schema.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';

const NOW = new Date('2026-11-25T00:00:00Z');

function row(
  visit: Visit,
  keyId = 'aaaaaaaaaaaaaaaa',
  exportedAt = `${visit.onSite.date}T12:00:00.000Z`,
): VisitRow {
  return {
    visitId: visit.id,
    keyId,
    digest: 'd',
    fileHash: 'h',
    fileName: `${visit.id}.json`,
    exportedAt,
    exportedAtMs: Date.parse(exportedAt),
    importedAt: NOW.toISOString(),
    facts: visitFacts(visit),
    verdict: 'accepted',
  };
}

function rows(visits: readonly VisitRow[], extra: Partial<DeskRows> = {}): DeskRows {
  return {
    visits,
    keys: [
      {
        keyId: 'aaaaaaaaaaaaaaaa',
        name: 'Trần Thị Ngọc Ánh',
        source: 'fingerprint',
        enrolledAt: NOW.toISOString(),
      },
    ],
    communes: [],
    ...extra,
  };
}

/** Xã Tiên Yên, twice: the second visit carries the first one's two open items over. */
function tienYen(): [Visit, Visit] {
  const first = sampleVisit({
    id: 'visit-ty-0001',
    commune: 'Xã Tiên Yên',
    province: 'Tỉnh Quảng Ninh',
    date: '2026-11-02',
    machines: 4,
  });
  const second = sampleVisit({
    id: 'visit-ty-0002',
    commune: 'Xã Tiên Yên',
    province: 'Tỉnh Quảng Ninh',
    date: '2026-11-16',
    machines: 4,
  });
  second.openItems = first.openItems.map((o) => ({ ...o, carriedFrom: first.id }));
  return [first, second];
}

describe('figures from the latest state', () => {
  it('gives 2 open items for the two-visit Tiên Yên case, not 4', () => {
    const [a, b] = tienYen();
    const desk = computeDesk(rows([row(a), row(b)]), {}, NOW);
    expect(desk.indicators.openItems.value).toBe(2);
    expect(desk.indicators.openItems.visits).toEqual(['visit-ty-0002']);
    // Their age counts from the first visit that recorded them.
    expect(desk.openItems.map((i) => i.since)).toEqual(['2026-11-02', '2026-11-02']);
    expect(desk.openItems[0]?.days).toBe(23);
  });

  it('closes an item a later visit marks done, and keeps one no later visit mentions', () => {
    const [a, b] = tienYen();
    b.openItems = [{ ...a.openItems[0]!, done: true, carriedFrom: a.id }];
    const desk = computeDesk(rows([row(b), row(a)]), {}, NOW);
    expect(desk.openItems.map((i) => [i.id, i.visitId])).toEqual([['o2', 'visit-ty-0001']]);
  });

  it('counts a machine once per commune (fingerprint, or asset tag), with its newest state', () => {
    const [a, b] = tienYen();
    const desk = computeDesk(rows([row(a), row(b)]), {}, NOW);
    expect(desk.indicators.machines.value).toBe(4);
    // sampleSnapshot: machines 0 and 2 are Windows 10 out of support; machine 1 a certificate ending 2026-12-15.
    expect(desk.indicators.outOfSupport.value).toBe(2);
    expect(desk.indicators.certificatesExpiring90.value).toBe(1);
    // A later visit that gives the PC an asset tag and a new fingerprint (new mainboard) is another
    // key; two visits both tagging it "KT-01" are one machine.
    a.machines[0]!.assetTag = 'KT-01';
    b.machines[0]!.assetTag = 'kt-01 ';
    b.machines[0]!.snapshot = {
      ...b.machines[0]!.snapshot,
      machine: { ...b.machines[0]!.snapshot.machine, fingerprint: 'new-board' },
    };
    expect(computeDesk(rows([row(a), row(b)]), {}, NOW).indicators.machines.value).toBe(4);
  });

  it('counts problems by findings.ts: unknown, not applicable and affected checks are not problems', () => {
    const v = sampleVisit({ id: 'visit-chk-0001', machines: 1 });
    v.problems = [];
    v.machines[0]!.snapshot = {
      ...v.machines[0]!.snapshot,
      checks: [
        {
          id: 'net.dns',
          area: 'network',
          status: 'fail',
          title: { vi: 'DNS', en: 'DNS' },
          detail: { vi: '', en: '' },
        },
        {
          id: 'net.portal',
          area: 'network',
          status: 'fail',
          title: { vi: 'Cổng DVC', en: 'Portal' },
          detail: { vi: '', en: '' },
          blockedBy: 'net.dns',
        },
        {
          id: 'sig.driver',
          area: 'signature',
          status: 'unknown',
          title: { vi: 'Trình điều khiển', en: 'Driver' },
          detail: { vi: '', en: '' },
          reason: 'not applicable on Linux',
        },
        {
          id: 'sig.cert',
          area: 'signature',
          status: 'unknown',
          title: { vi: 'Chứng thư', en: 'Cert' },
          detail: { vi: '', en: '' },
          reason: 'timeout',
        },
      ],
    };
    const desk = computeDesk(rows([row(v)]), {}, NOW);
    expect(desk.indicators.problems.value).toBe(1);
    expect(desk.causes.map((c) => [c.area, c.title, c.count.value])).toEqual([
      ['network', 'DNS', 1],
    ]);
  });

  it('shares a visit of two interns: each gets 1/2, the column adds up to the total', () => {
    const [a, b] = tienYen();
    const desk = computeDesk(rows([row(a), row(b)]), {}, NOW);
    const byName = Object.fromEntries(desk.interns.map((i) => [i.name, i]));
    expect(byName['Trần Thị Ngọc Ánh']?.visits).toBe(1);
    expect(byName['Lê Đức Huỳnh']?.visits).toBe(1);
    expect(desk.interns.reduce((n, i) => n + i.visits, 0)).toBe(desk.indicators.visits.value);
    expect(desk.interns.reduce((n, i) => n + i.people, 0)).toBe(desk.indicators.peopleHelped.value);
  });

  it('counts people helped by category, from typed entries and completed checklist runs', () => {
    const v = sampleVisit({ id: 'visit-ppl-0001', machines: 0 });
    v.peopleHelped = [
      { role: 'citizen', category: 'vneid-level2', task: 'VNeID', count: 5 },
      { role: 'official', task: 'Chữ ký số', count: 2 },
    ];
    v.checklists = [
      {
        ...v.checklists[0]!,
        runId: 'r1',
        counts: { category: 'vneid-level2', role: 'citizen' },
      } as Visit['checklists'][number],
      {
        ...v.checklists[0]!,
        runId: 'r2',
        counts: { category: 'personal-signature', role: 'official' },
      } as Visit['checklists'][number],
      {
        ...v.checklists[0]!,
        runId: 'r3',
        status: 'abandoned',
        counts: { category: 'vneid-level2', role: 'citizen' },
      } as Visit['checklists'][number],
    ];
    const ind = computeDesk(rows([row(v)]), {}, NOW).indicators;
    expect(ind.peopleByCategory['vneid-level2'].value).toBe(6);
    expect(ind.peopleByCategory['personal-signature'].value).toBe(1);
    expect(ind.peopleByCategory.other.value).toBe(2);
    expect(ind.peopleHelped.value).toBe(9);
    // sampleVisit: 07:45–16:30 with timeSpentMinutes 525 → 8.75 h; one day on site.
    expect(ind.hoursOnSite.value).toBe(8.8);
    expect(ind.daysOnSite.value).toBe(1);
  });

  it('lists communes without a visit and interns without a report in N days', () => {
    const [a] = tienYen();
    const desk = computeDesk(
      rows([row(a)], {
        communes: [
          { name: 'Xã Tiên Yên', province: 'Tỉnh Quảng Ninh' },
          { name: 'Xã Hà Lâu', province: 'Tỉnh Quảng Ninh' },
        ],
        keys: [
          {
            keyId: 'aaaaaaaaaaaaaaaa',
            name: 'Trần Thị Ngọc Ánh',
            source: 'fingerprint',
            enrolledAt: '',
          },
          { keyId: 'bbbbbbbbbbbbbbbb', name: 'Vũ Minh Nam', source: 'key-file', enrolledAt: '' },
        ],
      }),
      {},
      NOW,
      14,
    );
    expect(desk.communesWithoutVisit).toEqual(['Xã Hà Lâu']);
    expect(desk.internsWithoutReport.map((i) => [i.name, i.daysSinceReport])).toEqual([
      ['Trần Thị Ngọc Ánh', 23],
      ['Vũ Minh Nam', undefined],
    ]);
  });

  it('filters by commune, intern and date, and every figure names the visits behind it', () => {
    const [a, b] = tienYen();
    const other = sampleVisit({
      id: 'visit-hl-0001',
      commune: 'Xã Hà Lâu',
      date: '2026-11-20',
      intern: 'Vũ Minh Nam',
    });
    const input = rows([row(a), row(b), row(other)]);
    expect(computeDesk(input, { commune: 'Xã Hà Lâu' }, NOW).indicators.visits.visits).toEqual([
      'visit-hl-0001',
    ]);
    expect(computeDesk(input, { intern: 'Vũ Minh Nam' }, NOW).indicators.visits.value).toBe(1);
    expect(
      computeDesk(input, { from: '2026-11-10', to: '2026-11-17' }, NOW).indicators.visits.visits,
    ).toEqual(['visit-ty-0002']);
    const all = computeDesk(input, {}, NOW);
    expect(all.weeks.map((w) => [w.week, w.visits.value])).toEqual([
      ['2026-W45', 1],
      ['2026-W47', 2],
    ]);
    expect(all.indicators.untrusted.value).toBe(0);
  });

  it('numbers ISO weeks across a year boundary', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('reuses a desk computed from the same rows object, and computes again for new rows', () => {
    const [a, b] = tienYen();
    const input = rows([row(a)]);
    const first = cachedDesk(input, {}, NOW);
    expect(cachedDesk(input, {}, NOW)).toBe(first);
    expect(cachedDesk(input, { commune: 'Xã Tiên Yên' }, NOW)).not.toBe(first);
    const next = cachedDesk(rows([row(a), row(b)]), {}, NOW);
    expect(next.indicators.visits.value).toBe(2);
  });
});
