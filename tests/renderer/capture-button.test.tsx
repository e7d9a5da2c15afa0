import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { CaptureSaved } from '../../main/service/capture/contract';
import type { Progress } from '../../main/service/define';
import { CaptureButton } from '../../renderer/components/capture-button';
import { initI18n, setLang } from '../../renderer/i18n/index';

// The field-capture button of the about corner against a fake Electron bridge: progress names
// the script, the saved file's place is shown with what to do with it, cancel and failures say so.
type Answer = (options: {
  onProgress?: (e: Progress) => void;
  requestId: string;
}) => Promise<unknown>;
let answer: Answer;
const cancelled: string[] = [];

const saved: CaptureSaved = {
  path: 'E:\\XaSoData\\captures\\capture-2026-12-01T09-40-00-000Z.json',
  bytes: 48_000,
  takenAt: '2026-12-01T09:40:00.000Z',
  durationMs: 21_000,
  host: { psVersion: '5.1.19041.5247', languageMode: 'FullLanguage' },
  scripts: [],
  redactions: [{ kind: 'host', count: 3, distinct: 1 }],
};

const step = (index: number, event: 'script-started' | 'script-finished'): Progress => ({
  percent: Math.round(((index - (event === 'script-started' ? 1 : 0)) / 8) * 100),
  event,
  data: {
    event,
    id: 'facts',
    title: { vi: 'Thông tin máy', en: 'Machine facts' },
    index,
    total: 8,
  },
});

beforeAll(async () => {
  (window as unknown as { xaso: unknown }).xaso = {
    capture: { run: (_payload: unknown, options: Parameters<Answer>[0]) => answer(options) },
    cancel: (id: string) => cancelled.push(id),
  };
  await initI18n();
});

afterEach(cleanup);

beforeEach(async () => {
  cancelled.length = 0;
  await act(async () => setLang('vi'));
});

describe('CaptureButton', () => {
  it('shows which script runs, then where the file is and to send it to the supervisor', async () => {
    let finish: (v: unknown) => void = () => undefined;
    answer = (options) => {
      options.onProgress?.(step(2, 'script-started'));
      return new Promise((resolve) => {
        finish = resolve;
      });
    };
    const user = userEvent.setup();
    render(<CaptureButton />);
    await user.click(screen.getByRole('button', { name: 'Ghi dữ liệu hiện trường' }));
    expect(await screen.findByText('Đang ghi 2/8: Thông tin máy')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await act(async () => finish({ ok: true, value: saved }));
    expect(screen.getByTestId('capture-path').textContent).toBe(`Đã lưu tệp: ${saved.path}`);
    expect(screen.getByText('Gửi tệp này cho người hướng dẫn qua Zalo hoặc e-mail.')).toBeTruthy();
  });

  it('cancels from the keyboard and says it was cancelled', async () => {
    answer = (options) => {
      options.onProgress?.(step(1, 'script-started'));
      return new Promise((resolve) => {
        const timer = setInterval(() => {
          if (cancelled.includes(options.requestId)) {
            clearInterval(timer);
            resolve({
              ok: false,
              error: { code: 'cancelled', message: { vi: 'Đã huỷ', en: 'Cancelled' } },
            });
          }
        }, 5);
      });
    };
    const user = userEvent.setup();
    render(<CaptureButton />);
    await user.click(screen.getByTestId('capture-start'));
    const cancel = await screen.findByTestId('capture-cancel');
    cancel.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Đã huỷ ghi dữ liệu hiện trường.')).toBeTruthy();
    expect(cancelled.length).toBe(1);
  });

  it('explains a failure in the UI language (not Windows)', async () => {
    answer = async () => ({
      ok: false,
      error: {
        code: 'unavailable',
        message: { vi: 'Chỉ chạy trên Windows.', en: 'A field capture runs on Windows only.' },
      },
    });
    await act(async () => setLang('en'));
    const user = userEvent.setup();
    render(<CaptureButton />);
    await user.click(screen.getByRole('button', { name: 'Field capture' }));
    expect(
      await screen.findByText(
        'Could not make the field capture: A field capture runs on Windows only.',
      ),
    ).toBeTruthy();
  });
});
