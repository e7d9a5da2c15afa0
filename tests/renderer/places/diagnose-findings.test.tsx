/**
 * One cause, one finding, on a real diagnosis: the vi-VN commune PC of the fake Windows
 * machines with its DNS server down (tests/fixtures/snapshots/SOURCE.md). The eleven portal and
 * CA sites that fail only because DNS is down show under the DNS finding as "Bị ảnh hưởng",
 * folded, and are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { tallyChecks } from '../../../diagnostics/findings';
import type { MachineSnapshot } from '../../../diagnostics/types';
import { initI18n } from '../../../renderer/i18n/index';
import { CheckList } from '../../../renderer/places/diagnose/check-list';

const snapshot = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/snapshots/dns-down-commune-pc.json'), 'utf8'),
) as MachineSnapshot;

beforeAll(async () => {
  await initI18n();
});
afterEach(cleanup);

describe('the DNS-down commune PC', () => {
  it('shows ONE network finding with its affected checks folded under it', () => {
    const tally = tallyChecks(snapshot.checks);
    render(<CheckList checks={snapshot.checks} />);
    const network = screen.getByTestId('area-network');
    const rows = within(network)
      .getAllByTestId('check')
      .filter((li) => li.parentElement?.parentElement === network);
    expect(rows.map((r) => r.getAttribute('data-check-id'))).toEqual(['network.dns']);
    const affected = within(rows[0]!).getByTestId('affected') as HTMLDetailsElement;
    expect(affected.open).toBe(false);
    const sites = within(affected).getAllByTestId('check');
    expect(sites).toHaveLength(11);
    expect(tally.affected).toBe(11);
    for (const site of sites) {
      expect(site.getAttribute('data-class')).toBe('affected');
      expect(site.textContent).toContain('Bị ảnh hưởng');
      expect(within(site).queryByTestId('fix-link')).toBeNull();
      // Its own words would repeat the cause's: they wait under "Chi tiết kỹ thuật".
      expect(site.querySelector('.check-detail')).toBeNull();
      expect(within(site).getByTestId('technical-details').textContent).toContain(
        'Kết quả kiểm tra',
      );
    }
    // Every problem shown at the top level is one counted problem.
    const top = screen
      .getAllByTestId('check')
      .filter((li) => li.getAttribute('data-class') === 'problem');
    expect(top).toHaveLength(tally.problems);
  });
});
