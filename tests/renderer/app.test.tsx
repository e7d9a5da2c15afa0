import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';

import { App } from '../../renderer/app';
import { initI18n } from '../../renderer/i18n/index';

// The shell against a fake Electron bridge (the same shape the preload exposes): language
// switch, the four places, and the footer fed by app:info.
function fakeBridge() {
  const calls: string[] = [];
  const bridge = new Proxy(
    {},
    {
      get: (_t, domain: string) =>
        domain === 'cancel'
          ? () => undefined
          : new Proxy(
              {},
              {
                get: (_u, method: string) => async () => {
                  calls.push(`${domain}:${method}`);
                  if (`${domain}:${method}` === 'app:info') {
                    return {
                      ok: true,
                      value: {
                        name: 'xaso',
                        version: '1.0.0',
                        platform: 'win32',
                        arch: 'x64',
                        nodeVersion: '24',
                        dataDir: 'E:\\XaSoData',
                        portable: true,
                        door: 'electron',
                      },
                    };
                  }
                  return {
                    ok: false,
                    error: { code: 'unavailable', message: { vi: 'không có', en: 'none' } },
                  };
                },
              },
            ),
    },
  );
  return { bridge, calls };
}

describe('App shell', () => {
  beforeAll(async () => {
    const { bridge } = fakeBridge();
    (window as unknown as { xaso: unknown }).xaso = bridge;
    await initI18n();
  });

  it('shows the four places in Vietnamese and the portable data folder', async () => {
    render(<App />);
    expect(screen.getByRole('heading', { name: 'Hôm nay cần làm gì?' })).toBeTruthy();
    // The start form is named once (the home section's heading, not the form's own as well).
    expect(screen.getAllByRole('heading', { name: /^Bắt đầu chuyến công tác/ })).toHaveLength(1);
    for (const name of ['Chẩn đoán', 'Danh mục kiểm tra', 'Chuyến công tác', 'Báo cáo']) {
      expect(screen.getByRole('link', { name })).toBeTruthy();
    }
    expect(await screen.findByText(/E:\\XaSoData/)).toBeTruthy();
    expect(screen.getByText(/di động/)).toBeTruthy();
  });

  it('switches to English from the keyboard', async () => {
    const user = userEvent.setup();
    render(<App />);
    const [button] = screen.getAllByTestId('lang-switch');
    button!.focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(
      await screen.findAllByRole('heading', { name: 'What needs doing today?' }),
    ).not.toHaveLength(0);
    expect(document.documentElement.lang).toBe('en');
  });
});
