/**
 * `xaso network` text for Wi-Fi adapters: signal word + figures, band, SSID, and the Windows 11
 * location-permission explanation.
 */
import { describe, expect, it } from 'vitest';

import type { NetworkConfig } from '../../../diagnostics/network/types.js';
import { formatConfig, formatWifi } from '../../../main/cli/commands/network-format.js';

describe('formatWifi', () => {
  it.each([
    [
      'vi',
      {
        signalPercent: 92,
        signalDbm: -52,
        level: 'strong',
        ssid: 'UBND Xã Hòa Bình 5G',
        band: '5 GHz',
        channel: 44,
        phy: '802.11ac (Wi-Fi 5)',
      },
      'Wi-Fi "UBND Xã Hòa Bình 5G" 5 GHz, kênh 44, 802.11ac (Wi-Fi 5): sóng mạnh 92% (-52 dBm)',
    ],
    [
      'en',
      {
        signalPercent: 30,
        signalDbm: -85,
        estimated: true,
        level: 'weak',
        band: '2.4 GHz',
        channel: 6,
      },
      'Wi-Fi 2.4 GHz, channel 6: signal weak 30% (≈ -85 dBm) (dBm estimated from the signal quality)',
    ],
    ['vi', { signalDbm: -70, level: 'fair' }, 'Wi-Fi: sóng khá -70 dBm'],
  ] as const)('%s %o', (lang, wifi, line) => {
    expect(formatWifi(wifi, lang)).toBe(line);
  });

  it('explains the location permission in both languages', () => {
    expect(formatWifi({ unavailable: 'location-permission' }, 'vi')).toMatch(
      /quyền Vị trí.*không phải mất Wi-Fi.*Let desktop apps access your location/,
    );
    expect(formatWifi({ unavailable: 'location-permission' }, 'en')).toMatch(
      /location permission is off.*not "no Wi-Fi".*Privacy & security → Location/,
    );
  });

  it('puts the Wi-Fi line under its adapter', () => {
    const config: NetworkConfig = {
      interfaces: [
        {
          name: 'Wi-Fi',
          kind: 'wifi',
          up: true,
          ipv4: [],
          dns: [],
          wifi: { signalDbm: -80, level: 'weak' },
        },
      ],
      dnsServers: [],
      proxy: { enabled: false, source: 'none' },
    };
    const lines = formatConfig(config, 'en');
    expect(lines[0]).toMatch(/^Wi-Fi\s+wifi\s+up/);
    expect(lines[1]).toBe(`${' '.repeat(13)}Wi-Fi: signal weak -80 dBm`);
  });
});
