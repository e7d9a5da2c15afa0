import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ScanResult } from '../../../diagnostics/scan/types';
import { initI18n } from '../../../renderer/i18n/index';
import { SaveToVisit } from '../../../renderer/places/diagnose/network/save-to-visit';

// Keeping a scan with a visit, against a fake bridge with the preload's shape: the visit list
// is offered, and the scan goes to `visits:add-scan` with the chosen visit.
const calls: { channel: string; payload: unknown }[] = [];

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
    const user = userEvent.setup();
    render(<SaveToVisit scan={scan} />);
    const select = await screen.findByTestId('scan-visit');
    expect(select.textContent).toContain('Xã An Phú, An Giang — 2026-11-23');
    await user.click(screen.getByTestId('scan-save'));
    expect((await screen.findByTestId('scan-saved')).textContent).toBe(
      'Đã lưu kết quả quét vào chuyến Xã An Phú (2026-11-23).',
    );
    const add = calls.find((c) => c.channel === 'visits:add-scan');
    expect(add?.payload).toMatchObject({
      ref: { id: 'v1' },
      scan: { ranges: ['10.0.0.0/24'], hosts: [{ ip: '10.0.0.20' }] },
    });
  });
});
