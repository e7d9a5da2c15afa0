import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ScanResult } from '../../../diagnostics/scan/types';
import { initI18n } from '../../../renderer/i18n/index';
import { SaveToVisit } from '../../../renderer/places/diagnose/network/save-to-visit';

// Keeping a scan with a visit, against a fake bridge with the preload's shape: with an active
// visit a completed scan goes into it at once; otherwise the visit list is offered, and the scan
// goes to `visits:add-scan` with the chosen visit.
const calls: { channel: string; payload: unknown }[] = [];
let activeVisitId: string | undefined;

beforeAll(async () => {
  const visit = {
    id: 'v1',
    file: '/x/v1.json',
    commune: 'Xã An Phú',
    province: 'An Giang',
    date: '2026-11-23',
    interns: [],
    machines: 0,
    openItems: 0,
    updatedAt: '',
  };
  const bridge = new Proxy(
    {},
    {
      get: (_t, domain: string) =>
        domain === 'cancel'
          ? () => undefined
          : new Proxy(
              {},
              {
                get: (_u, method: string) => async (payload: unknown) => {
                  calls.push({ channel: `${domain}:${method}`, payload });
                  if (`${domain}:${method}` === 'visits:list') return { ok: true, value: [visit] };
                  if (`${domain}:${method}` === 'visits:add-scan') return { ok: true, value: {} };
                  if (`${domain}:${method}` === 'app:state')
                    return {
                      ok: true,
                      value: activeVisitId === undefined ? {} : { activeVisitId },
                    };
                  return {
                    ok: false,
                    error: { code: 'unavailable', message: { vi: 'không có', en: 'none' } },
                  };
                },
              },
            ),
    },
  );
  (window as unknown as { xaso: unknown }).xaso = bridge;
  await initI18n();
});

const scan: ScanResult = {
  schema: 1,
  ranges: ['10.0.0.0/24'],
  startedAt: '2026-11-23T08:00:00.000Z',
  durationMs: 900,
  addressesScanned: 254,
  cancelled: false,
  methods: { tcp: true, icmp: false, neighbours: true, reverseDns: false },
  notes: [],
  hosts: [{ ip: '10.0.0.20', openPorts: [9100], evidence: ['tcp-open'], deviceType: 'printer' }],
};

describe('SaveToVisit', () => {
  it('offers the saved visits and adds the scan to the chosen one', async () => {
    activeVisitId = undefined;
    calls.length = 0;
    const user = userEvent.setup();
    const { unmount } = render(<SaveToVisit scan={scan} />);
    const select = await screen.findByTestId('scan-visit');
    expect(select.textContent).toContain('Xã An Phú, An Giang — 23/11/2026');
    expect(calls.some((c) => c.channel === 'visits:add-scan')).toBe(false);
    await user.click(screen.getByTestId('scan-save'));
    expect((await screen.findByTestId('scan-saved')).textContent).toBe(
      '✔ Đã lưu kết quả quét vào chuyến Xã An Phú (23/11/2026).',
    );
    const add = calls.find((c) => c.channel === 'visits:add-scan');
    expect(add?.payload).toMatchObject({
      ref: { id: 'v1' },
      scan: { ranges: ['10.0.0.0/24'], hosts: [{ ip: '10.0.0.20' }] },
    });
    unmount();
  });

  it('saves a completed scan into the active visit at once, and says so', async () => {
    activeVisitId = 'v1';
    calls.length = 0;
    const { unmount } = render(<SaveToVisit scan={scan} />);
    expect((await screen.findByTestId('scan-saved')).textContent).toBe(
      '✔ Đã lưu kết quả quét vào chuyến Xã An Phú (23/11/2026).',
    );
    expect(calls.filter((c) => c.channel === 'visits:add-scan')).toEqual([
      { channel: 'visits:add-scan', payload: expect.objectContaining({ ref: { id: 'v1' } }) },
    ]);
    expect(screen.queryByTestId('scan-save')).toBeNull();
    unmount();
  });

  it('leaves a cancelled scan to the intern, the active visit chosen', async () => {
    activeVisitId = 'v1';
    calls.length = 0;
    const { unmount } = render(<SaveToVisit scan={{ ...scan, cancelled: true }} />);
    expect(((await screen.findByTestId('scan-visit')) as HTMLSelectElement).value).toBe('v1');
    expect(calls.some((c) => c.channel === 'visits:add-scan')).toBe(false);
    unmount();
  });
});
