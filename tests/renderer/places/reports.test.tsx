import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { computeDesk, deskWithRefs, drillOf } from '../../../main/service/inbox/desk';
import { visitFacts } from '../../../main/service/inbox/facts';
import { listOf, listPage, type DeskRows } from '../../../main/service/inbox/store-types';
import { initI18n } from '../../../renderer/i18n/index';
import { ReportsPlace } from '../../../renderer/places/reports/index';
import { sampleVisit } from '../../fixtures/visits/sample';

// The Báo cáo place against a fake bridge whose desk is computed by the real desk.ts from two
// visits to Xã Tiên Yên (the second carrying the first one's two open items over).
const NOW = new Date('2026-11-25T00:00:00Z');
const first = sampleVisit({ id: 'visit-ty-0001', commune: 'Xã Tiên Yên', date: '2026-11-02' });
const second = sampleVisit({ id: 'visit-ty-0002', commune: 'Xã Tiên Yên', date: '2026-11-16' });
second.openItems = first.openItems.map((o) => ({ ...o, carriedFrom: first.id }));
const rows: DeskRows = {
  visits: [first, second].map((v, i) => ({
    visitId: v.id,
    keyId: 'aaaaaaaaaaaaaaaa',
    digest: 'd',
    fileHash: 'h',
    fileName: `${v.id}.json`,
    exportedAt: NOW.toISOString(),
    exportedAtMs: i,
    importedAt: NOW.toISOString(),
    facts: visitFacts(v),
    verdict: 'accepted' as const,
  })),
  keys: [{ keyId: 'aaaaaaaaaaaaaaaa', name: 'Trần Thị Ngọc Ánh', source: 'qr', enrolledAt: '' }],
  communes: [{ name: 'Xã Hà Lâu', province: 'Tỉnh Quảng Ninh' }],
};
const calls: Array<[string, unknown]> = [];
const ok = (value: unknown) => ({ ok: true, value });

beforeAll(async () => {
  const record = (name: string, answer: (request: never) => unknown) => async (request: never) => {
    calls.push([name, request]);
    return ok(answer(request));
  };
  (window as unknown as { xaso: unknown }).xaso = {
    cancel: () => undefined,
    inbox: {
      // As the service answers: the desk page asks without ids, then drills down by ref.
      desk: record('desk', (r: { commune?: string; ids?: boolean }) => {
        const desk = computeDesk(rows, r.commune ? { commune: r.commune } : {}, NOW);
        return r.ids === false ? deskWithRefs(desk) : desk;
      }),
      drill: record('drill', (r: { commune?: string; ref: string }) => ({
        visits: drillOf(computeDesk(rows, r.commune ? { commune: r.commune } : {}, NOW), r.ref),
      })),
      list: record('list', (r: { ids?: string[]; offset?: number; limit?: number }) => ({
        offset: r.offset ?? 0,
        ...listPage(listOf(rows.visits, rows.keys), {
          ids: r.ids,
          offset: r.offset ?? 0,
          limit: r.limit ?? 100,
        }),
      })),
      conflicts: record('conflicts', () => []),
      visit: record('visit', (r: { visitId: string }) => ({
        visit: r.visitId === second.id ? second : first,
        entry: { ...rows.visits[1]!, trust: 'enrolled', signer: 'Trần Thị Ngọc Ánh' },
      })),
    },
    keys: {
      list: record('keys', () => ({
        own: {
          keyId: '3f2a9c017be4d25e',
          fingerprint: '3f2a 9c01 7be4 d25e',
          qrText: 'XASO-KEY:1:3f2a9c017be4d25e:MCowBQYDK2VwAyEA',
        },
        enrolled: rows.keys.map((k) => ({ ...k, fingerprint: '3f2a 9c01 7be4 d25e' })),
      })),
      enrol: record('enrol', () => ({})),
    },
  };
  await initI18n();
});

afterEach(cleanup);

describe('ReportsPlace: the desk', () => {
  it('shows 2 open items for Tiên Yên, drills down to the visit, and opens it read-only', async () => {
    const user = userEvent.setup();
    render(<ReportsPlace />);
    const tile = await screen.findByTestId('ind-openItems');
    expect(tile.textContent).toMatch(/^2Việc còn tồn/);
    expect(screen.getByTestId('communes-without-visit').textContent).toContain('Xã Hà Lâu');
    expect(screen.getByTestId('own-key').textContent).toBe('3f2a 9c01 7be4 d25e');
    expect(screen.getByTestId('own-key-qr').querySelector('path')?.getAttribute('d')).toMatch(/^M/);
    await act(async () => {
      await user.click(tile);
    });
    const drill = screen.getByTestId('drill');
    // The labels of the visits behind the figure are asked for when the list opens.
    const item = await within(drill).findByRole('button', { name: /Xã Tiên Yên · 16\/11\/2026/ });
    expect(calls).toContainEqual([
      'drill',
      { trustedOnly: false, staleDays: 14, ref: '["indicators","openItems"]' },
    ]);
    expect(calls).toContainEqual(['list', { ids: ['visit-ty-0002'], limit: 1 }]);
    await act(async () => {
      await user.click(item);
    });
    const view = await screen.findByTestId('visit-view');
    expect(view.textContent).toContain('chỉ đọc');
    expect(view.textContent).toContain('Trần Thị Ngọc Ánh');
    expect(view.querySelectorAll('input, textarea')).toHaveLength(0);
    expect(calls).toContainEqual(['visit', { visitId: 'visit-ty-0002' }]);
  });

  it('asks for the intern’s name before enrolling a key, and never sends a key without one', async () => {
    const user = userEvent.setup();
    render(<ReportsPlace />);
    await user.type(await screen.findByTestId('enrol-fingerprint'), '3f2a 9c01 7be4 d25e');
    await act(async () => {
      await user.click(screen.getByTestId('enrol'));
    });
    expect(screen.getByText(/Hãy nhập họ tên sinh viên trước/)).toBeTruthy();
    expect(calls.some(([name]) => name === 'enrol')).toBe(false);
    await user.type(screen.getByTestId('enrol-name'), 'Vũ Minh Nam');
    await act(async () => {
      await user.click(screen.getByTestId('enrol'));
    });
    expect(calls).toContainEqual([
      'enrol',
      { name: 'Vũ Minh Nam', fingerprint: '3f2a 9c01 7be4 d25e' },
    ]);
  });
});
