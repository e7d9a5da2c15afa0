import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ScanResult } from '../../../diagnostics/scan/types';
import { initI18n } from '../../../renderer/i18n/index';
import { LatencyChart } from '../../../renderer/places/diagnose/network/latency-chart';
import { prefixOf, scanCsv } from '../../../renderer/places/diagnose/network/scan-panel';

// Pure parts of the network tabs: the latency chart's accessible text (lost samples named, not
// only drawn), range parsing for the /22 confirmation, and the CSV export.
beforeAll(async () => {
  await initI18n();
});

describe('LatencyChart', () => {
  it('names lost samples and summarises in Vietnamese, then English', async () => {
    await i18next.changeLanguage('vi');
    const result = {
      host: '192.168.1.1',
      method: 'icmp' as const,
      timesMs: [2, null, 4],
      lossPercent: 33,
      minMs: 2,
      avgMs: 3,
      maxMs: 4,
    };
    const { unmount } = render(<LatencyChart result={result} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/mất 33%/);
    expect(screen.getAllByTestId('latency-bar')).toHaveLength(2);
    expect(screen.getByTestId('latency-lost').textContent).toMatch(/Lần 2: mất/);
    unmount();
    await i18next.changeLanguage('en');
    render(
      <LatencyChart
        result={{
          host: result.host,
          method: result.method,
          timesMs: [null, null],
          lossPercent: 100,
          note: { vi: 'Không có phản hồi', en: 'No reply at all' },
        }}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /192.168.1.1: no reply at all \(100% lost\)/,
    );
    expect(screen.getByText(/No reply at all$/)).toBeTruthy();
    await i18next.changeLanguage('vi');
  });
});

describe('scan helpers', () => {
  it('reads the prefix of a typed range', () => {
    expect(prefixOf('192.168.1.0/24')).toBe(24);
    expect(prefixOf('10.0.0.0/20')).toBe(20);
    expect(prefixOf('10.0.0.7')).toBe(32);
    expect(prefixOf('10.0.0.0/40')).toBeUndefined();
    expect(prefixOf('not a range')).toBeUndefined();
  });

  it('exports CSV with quoting', () => {
    const scan: ScanResult = {
      schema: 1,
      ranges: ['10.0.0.0/24'],
      startedAt: '2026-11-23T08:00:00.000Z',
      durationMs: 900,
      addressesScanned: 254,
      cancelled: false,
      methods: { tcp: true, icmp: false, neighbours: true, reverseDns: false },
      notes: [],
      hosts: [
        {
          ip: '10.0.0.20',
          mac: '3c:2a:f4:aa:bb:cc',
          vendor: 'Brother',
          hostname: 'may "in"',
          openPorts: [631, 9100],
          evidence: ['arp', 'tcp-open'],
          deviceType: 'printer',
        },
      ],
    };
    expect(scanCsv(scan).split('\r\n')).toEqual([
      '"ip","type","mac","vendor","hostname","open_ports","evidence"',
      '"10.0.0.20","printer","3c:2a:f4:aa:bb:cc","Brother","may ""in""","631 9100","arp tcp-open"',
    ]);
  });
});
