import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { CheckResult, MachineSnapshot } from '../../../diagnostics/types';
import { initI18n } from '../../../renderer/i18n/index';
import { DiagnosePlace } from '../../../renderer/places/diagnose/index';

// The Diagnose place against a fake Electron bridge with the preload's shape: progress events
// stream in, then the snapshot arrives; the verdict comes first, then checks by area.
const text = (vi: string, en: string) => ({ vi, en });
const checks: CheckResult[] = [
  {
    id: 'hardware.memory',
    area: 'hardware',
    status: 'ok',
    title: text('Bộ nhớ (RAM)', 'Memory'),
    detail: text('8 GB', '8 GB'),
  },
  {
    id: 'signature.token-cert.ab',
    area: 'signature',
    status: 'fail',
    title: text('Chứng thư số: Lê Văn Cường', 'Certificate: Lê Văn Cường'),
    detail: text('đã hết hạn 5 ngày trước', 'expired 5 days ago'),
    fix: {
      text: text('Liên hệ CA để gia hạn', 'Ask the CA to renew'),
      checklistId: 'renew-certificate',
    },
    values: { daysLeft: -5 },
  },
  {
    id: 'os.clock',
    area: 'os',
    status: 'unknown',
    title: text('Đồng hồ hệ thống', 'System clock'),
    detail: text('Không kiểm tra được', 'Could not check'),
    reason: 'cannot reach the time server',
  },
];
const snapshot: MachineSnapshot = {
  schema: 1,
  takenAt: '2026-11-23T08:00:00.000Z',
  durationMs: 1234,
  platform: 'win32',
  machine: { fingerprint: '0123456789abcdef', hostname: 'UBND-KETOAN', assetTag: 'UBND-PC-03' },
  osName: 'Windows 11 Pro 25H2 (26200)',
  checks,
  summary: { ok: 1, warn: 0, fail: 1, unknown: 1, affected: 0, notApplicable: 0 },
};

let requests: unknown[] = [];
const saved: unknown[] = [];
let activeVisit = false;
beforeAll(async () => {
  const bridge = {
    cancel: () => undefined,
    diagnostics: {
      run: async (request: unknown, options: { onProgress?: (e: unknown) => void }) => {
        requests.push(request);
        for (const [i, c] of checks.entries()) {
          options.onProgress?.({
            event: 'probe-finished',
            percent: Math.round(((i + 1) / checks.length) * 100),
            data: {
              probeId: c.id,
              area: c.area,
              title: c.title,
              checks: [c],
              done: i + 1,
              total: 3,
            },
          });
        }
        return { ok: true, value: snapshot };
      },
    },
  };
  (window as unknown as { xaso: unknown }).xaso = {
    ...bridge,
    app: { state: async () => ({ ok: true, value: activeVisit ? { activeVisitId: 'v1' } : {} }) },
    visits: {
      list: async () => ({
        ok: true,
        value: [
          {
            id: 'v1',
            file: '/data/visits/v1.json',
            commune: 'Xã Mỹ Khánh',
            province: 'Cần Thơ',
            date: '2026-12-01',
            interns: [],
            machines: 0,
            openItems: 0,
            updatedAt: '2026-12-01T03:00:00.000Z',
          },
        ],
      }),
      'add-snapshot': async (request: unknown) => {
        saved.push(request);
        return { ok: true, value: {} };
      },
    },
  };
  await initI18n();
});

afterEach(cleanup);

describe('DiagnosePlace', () => {
  it('runs on one button and shows the verdict first, then grouped checks with status words', async () => {
    requests = [];
    const user = userEvent.setup();
    render(<DiagnosePlace />);
    await user.type(screen.getByTestId('asset-tag'), 'UBND-PC-03');
    await act(async () => {
      await user.click(screen.getByTestId('diagnose-run'));
    });
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.textContent).toContain('1 vấn đề cần xử lý');
    expect(verdict.textContent).toContain('1 mục không kiểm tra được');
    expect(requests).toEqual([{ assetTag: 'UBND-PC-03' }]);
    const expired = within(screen.getByTestId('area-signature'))
      .getByText(/Lê Văn Cường/)
      .closest('li')!;
    expect(expired.getAttribute('data-status')).toBe('fail');
    expect(expired.textContent).toContain('Lỗi');
    expect(expired.textContent).toContain('Liên hệ CA để gia hạn');
    // What could not be checked is counted apart and folded, its low-level reason inside the
    // folded technical details; what passed folds too.
    expect(screen.queryByTestId('area-os')).toBeNull();
    const unknown = screen.getByTestId('fold-unknown') as HTMLDetailsElement;
    expect(unknown.open).toBe(false);
    expect(unknown.textContent).toContain('Không kiểm tra được (1)');
    const details = within(unknown).getByTestId('technical-details');
    expect(details.textContent).toContain('cannot reach the time server');
    expect((screen.getByTestId('fold-ok') as HTMLDetailsElement).open).toBe(false);
    // The fix link names no id.
    expect(within(expired).getByTestId('fix-link').textContent).toBe(
      'Làm theo hướng dẫn khắc phục',
    );
    await user.click(screen.getByTestId('only-problems'));
    expect(screen.queryByTestId('fold-unknown')).toBeNull();
    expect(screen.queryByTestId('fold-ok')).toBeNull();
    // Verdict before the first group in document order.
    expect(
      verdict.compareDocumentPosition(screen.getByTestId('area-signature')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('saves the diagnosis into the active visit as soon as it is done, and shows it again later', async () => {
    activeVisit = true;
    saved.length = 0;
    const user = userEvent.setup();
    const first = render(<DiagnosePlace />);
    await act(async () => {
      await user.click(screen.getByTestId('diagnose-run'));
    });
    const note = await screen.findByTestId('to-visit-saved');
    expect(note.textContent).toBe('✔ Đã lưu vào chuyến công tác Xã Mỹ Khánh (01/12/2026).');
    expect(saved).toEqual([{ ref: { id: 'v1' }, snapshot }]);
    first.unmount();
    // Back in the place (after following a fix): the last result is there, not an empty page.
    render(<DiagnosePlace />);
    expect((await screen.findByTestId('verdict')).textContent).toContain('1 vấn đề cần xử lý');
    activeVisit = false;
  });

  it('without an active visit, saves a run into a visit picked afterwards', async () => {
    activeVisit = false;
    saved.length = 0;
    const user = userEvent.setup();
    render(<DiagnosePlace />);
    await act(async () => {
      await user.click(screen.getByTestId('diagnose-run'));
    });
    const save = await screen.findByTestId('to-visit-save');
    expect(saved).toEqual([]);
    await act(async () => {
      await user.click(save);
    });
    expect(saved).toEqual([{ ref: { id: 'v1' }, snapshot }]);
    expect((await screen.findByTestId('to-visit-saved')).textContent).toContain('Xã Mỹ Khánh');
  });

  it('has four tabs for this PC, network, printers and the LAN scan', () => {
    render(<DiagnosePlace />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Máy tính',
      'Mạng',
      'Máy in',
      'Quét mạng LAN',
    ]);
  });
});
