import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { QueueItem, QueueState } from '../../../../main/service/send-queue/contract';
import { initI18n, setLang } from '../../../../renderer/i18n/index';
import { SendQueuePanel } from '../../../../renderer/places/visit/send-queue';

// The send queue panel against a fake Electron bridge holding a queue: each report's state as
// icon + word, the receipt, the reason and next try of a waiting one; "send" seals then sends.
const calls: string[] = [];
let state: QueueState;

const item = (over: Partial<QueueItem>): QueueItem => ({
  fileHash: 'a'.repeat(64),
  fileName: 'x.json',
  visitId: 'visit-1',
  commune: 'Xã Tân Phước Hưng',
  date: '2026-11-20',
  queuedAt: '2026-11-20T08:00:00.000Z',
  status: 'pending',
  attempts: 0,
  ...over,
});

const counts = (items: readonly QueueItem[]) => ({
  pending: items.filter((i) => i.status === 'pending').length,
  sent: items.filter((i) => i.status === 'sent').length,
  refused: items.filter((i) => i.status === 'refused').length,
});

beforeAll(async () => {
  const answer = (name: string) => async (payload: unknown) => {
    calls.push(`${name} ${JSON.stringify(payload)}`);
    return { ok: true, value: state };
  };
  (window as unknown as { xaso: unknown }).xaso = {
    outbox: {
      list: answer('list'),
      send: async (payload: unknown) => {
        calls.push(`send ${JSON.stringify(payload)}`);
        const items = state.items.map((i) =>
          i.status === 'pending'
            ? {
                ...i,
                status: 'sent' as const,
                attempts: i.attempts + 1,
                receipt: {
                  id: '7f3c2a10-0000-4000-8000-000000000000',
                  fileHash: i.fileHash,
                  receivedAt: '2026-11-25T08:00:00.000Z',
                  status: 'accepted' as const,
                  visitId: i.visitId,
                  programme: 'ctu-2026',
                  message: { vi: 'Đã nhận báo cáo.', en: 'Report received.' },
                },
              }
            : i,
        );
        state = { ...state, items, counts: counts(items) };
        return { ok: true, value: state };
      },
      enqueue: async (payload: unknown) => {
        calls.push(`enqueue ${JSON.stringify(payload)}`);
        const items = [...state.items, item({ fileHash: 'b'.repeat(64), commune: 'Xã Vị Thanh' })];
        state = { ...state, items, counts: counts(items) };
        return { ok: true, value: state };
      },
      'set-server': answer('set-server'),
    },
    cancel: () => undefined,
  };
  await initI18n();
});

afterEach(cleanup);

beforeEach(async () => {
  calls.length = 0;
  const items = [
    item({
      fileHash: 'c'.repeat(64),
      attempts: 2,
      lastError: {
        vi: 'Chưa liên lạc được máy chủ (ECONNREFUSED); sẽ thử lại.',
        en: 'Server not reachable (ECONNREFUSED); will retry.',
      },
      nextAttemptAt: '2026-11-25T09:00:00.000Z',
    }),
  ];
  state = { server: { url: 'https://thu-nhan.example.gov.vn' }, items, counts: counts(items) };
  await act(async () => setLang('vi'));
});

describe('SendQueuePanel', () => {
  it('shows a waiting report with its reason, then seals and sends this visit with a receipt', async () => {
    render(<SendQueuePanel file="/data/visits/v.json" beforeSend={async () => undefined} />);
    expect(await screen.findByText('Đang chờ gửi')).toBeTruthy();
    expect(screen.getByText(/ECONNREFUSED/)).toBeTruthy();
    expect(screen.getByDisplayValue('https://thu-nhan.example.gov.vn')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ký số và gửi báo cáo này' }));
    const rows = await screen.findAllByTestId('send-queue-item');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['sent', 'sent']);
    expect(screen.getAllByText(/Biên nhận 7f3c2a10/)).toHaveLength(2);
    expect(calls.filter((c) => c.startsWith('enqueue'))).toEqual([
      'enqueue {"ref":{"file":"/data/visits/v.json"},"lang":"vi"}',
    ]);
    expect(calls).toContain('send {"force":true}');
  });

  it('says the reports wait on this PC when no server is set, in English too', async () => {
    state = { items: [], counts: { pending: 0, sent: 0, refused: 0 } };
    await act(async () => setLang('en'));
    render(<SendQueuePanel file="/v.json" beforeSend={async () => undefined} />);
    expect(await screen.findByText(/reports wait on this PC, nothing is lost/)).toBeTruthy();
    expect(screen.getByText('No report in the queue yet.')).toBeTruthy();
  });
});
