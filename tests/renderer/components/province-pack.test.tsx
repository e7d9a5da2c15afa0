/**
 * The province pack on the home screen, against a fake bridge with the preload's shape: the pack
 * in use is described in plain words; a file goes to `province:import`; a pack refused because
 * another key signed it can be imported on the intern's word that the publisher changed.
 */
import { readFileSync } from 'node:fs';

import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';

import { ProvincePack } from '../../../renderer/components/province-pack';
import { initI18n } from '../../../renderer/i18n/index';

// The example pack of the repository (signed with the example key), as the intern would pick it.
const text = readFileSync('province-packs/quang-ninh.xaso-province.json', 'utf8');
const envelope = JSON.parse(text) as { pack: Record<string, unknown>; publishedAt: string };
const view = (keyId: string) => ({
  pack: { ...envelope.pack, checkedOn: '2026-11-20' },
  keyId,
  publishedAt: envelope.publishedAt,
  endpoints: [{}, {}, {}],
});

const calls: { channel: string; payload: unknown }[] = [];
let current: ReturnType<typeof view> | null = null;

beforeAll(async () => {
  const answer = (channel: string, payload: Record<string, unknown>) => {
    if (channel === 'province:get') return { ok: true, value: { province: current } };
    if (channel === 'province:import' && payload['replacePublisher'] !== true && current !== null)
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: { vi: 'Không nhập: gói mới do khoá khác ký.', en: 'Not imported.' },
        },
      };
    if (channel === 'province:import') {
      const action = current === null ? 'new' : 'replaced';
      current = view('9b1c4e0f2a3d5e6f');
      return { ok: true, value: { action, province: current } };
    }
    return { ok: false, error: { code: 'unavailable', message: { vi: 'không có', en: 'none' } } };
  };
  (window as unknown as { xaso: unknown }).xaso = new Proxy(
    {},
    {
      get: (_t, domain: string) =>
        domain === 'cancel'
          ? () => undefined
          : new Proxy(
              {},
              {
                get: (_u, method: string) => async (payload: Record<string, unknown>) => {
                  calls.push({ channel: `${domain}:${method}`, payload });
                  return answer(`${domain}:${method}`, payload);
                },
              },
            ),
    },
  );
  await initI18n();
});

const pickFile = async (): Promise<void> => {
  const user = userEvent.setup();
  const input = screen.getByTestId('province-file') as HTMLInputElement;
  await act(async () => {
    await user.upload(input, new File([text], 'quang-ninh.xaso-province.json'));
  });
};

describe('ProvincePack', () => {
  it('says plainly when no pack is in use, and imports the one picked', async () => {
    current = null;
    const { unmount } = render(<ProvincePack />);
    expect((await screen.findByTestId('province-none')).textContent).toMatch(
      /Chưa nhập gói dữ liệu tỉnh/,
    );
    await pickFile();
    expect((await screen.findByTestId('province-said')).textContent).toBe(
      '✔ Đã nhập gói dữ liệu của Tỉnh Quảng Ninh.',
    );
    const sent = calls.find((c) => c.channel === 'province:import');
    expect(sent?.payload).toEqual({
      fileName: 'quang-ninh.xaso-province.json',
      text,
      replacePublisher: false,
    });
    expect((await screen.findByTestId('province-current')).textContent).toMatch(
      /Đang dùng gói của Tỉnh Quảng Ninh, do .* phát hành ngày 01\/12\/2026 \(thông tin kiểm tra ngày 20\/11\/2026\)\. Khoá ký: 9b1c 4e0f 2a3d 5e6f · 3 hệ thống được kiểm tra/,
    );
    unmount();
  });

  it('offers to import a pack signed by another key only on the intern’s word', async () => {
    current = view('0000111122223333');
    calls.length = 0;
    const user = userEvent.setup();
    const { unmount } = render(<ProvincePack />);
    await screen.findByTestId('province-current');
    await pickFile();
    expect((await screen.findByTestId('province-said')).textContent).toBe(
      '✖ Không nhập: gói mới do khoá khác ký.',
    );
    await act(async () => {
      await user.click(screen.getByTestId('province-replace'));
    });
    expect(calls.filter((c) => c.channel === 'province:import').map((c) => c.payload)).toEqual([
      { fileName: 'quang-ninh.xaso-province.json', text, replacePublisher: false },
      { fileName: 'quang-ninh.xaso-province.json', text, replacePublisher: true },
    ]);
    expect((await screen.findByTestId('province-said')).textContent).toBe(
      '✔ Đã thay bằng gói dữ liệu của Tỉnh Quảng Ninh.',
    );
    expect(screen.queryByTestId('province-replace')).toBeNull();
    unmount();
  });
});
