import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { initI18n } from '../../../renderer/i18n/index';
import { WifiDetail } from '../../../renderer/places/diagnose/network/wifi-detail';

// The Wi-Fi line of an adapter: word + figures + band, the weak-signal fix, and the Windows 11
// location-permission explanation (never shown as "no Wi-Fi").
beforeAll(async () => {
  await initI18n();
});

describe('WifiDetail', () => {
  it('says the signal as a word with its figures, band and SSID (vi, then en)', async () => {
    await i18next.changeLanguage('vi');
    const wifi = {
      signalPercent: 30,
      signalDbm: -85,
      estimated: true,
      level: 'weak',
      ssid: 'UBND Xã Hòa Bình',
      band: '2.4 GHz',
      channel: 6,
    } as const;
    const { unmount } = render(<WifiDetail wifi={wifi} />);
    const text = screen.getByTestId('wifi-detail').textContent ?? '';
    expect(text).toContain('Wi-Fi "UBND Xã Hòa Bình" · 2.4 GHz · kênh 6');
    expect(text).toContain('sóng yếu: 30% (≈ -85 dBm)');
    expect(text).toContain('ước tính');
    expect(text).toMatch(/gần bộ phát.*5 GHz.*cáp mạng/);
    unmount();
    await i18next.changeLanguage('en');
    render(
      <WifiDetail
        wifi={{
          signalPercent: 92,
          signalDbm: -52,
          level: 'strong',
          ssid: 'CityHall-5G',
          band: '5 GHz',
          channel: 44,
        }}
      />,
    );
    const en = screen.getByTestId('wifi-detail').textContent ?? '';
    expect(en).toContain('signal strong: 92% (-52 dBm)');
    expect(en).not.toMatch(/estimated|closer/);
    await i18next.changeLanguage('vi');
  });

  it('explains the location permission with the fix', () => {
    render(<WifiDetail wifi={{ unavailable: 'location-permission' }} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(/quyền Vị trí/);
    expect(note.textContent).toMatch(/không phải là mất Wi-Fi/);
    expect(note.textContent).toContain('Let desktop apps access your location');
  });
});
