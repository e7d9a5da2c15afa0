/**
 * Wi-Fi signal and band: the Windows WLAN API answers (documented values; the script itself run in
 * pwsh, where it compiles and fails gracefully), the Linux `iw dev <if> link` parser, the
 * arithmetic (levels, quality ↔ dBm, band from channel/frequency), and the C# source compiled by
 * a real C# 5 compiler (mono `mcs`) so Windows PowerShell 5.1's Add-Type gets valid code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { win32NetworkScript } from '../../../diagnostics/network/config-win32.js';
import { parseIwLink, mergeWifi } from '../../../diagnostics/network/wifi-linux.js';
import {
  bandFromChannel,
  bandFromFrequency,
  dbmFromQuality,
  signalFigure,
  signalLevel,
} from '../../../diagnostics/network/wifi-signal.js';
import {
  parseWlanInterface,
  WLAN_CSHARP,
  wifiForAdapter,
  win32WifiScript,
} from '../../../diagnostics/network/wifi-win32.js';
import {
  parsePowerShellJson,
  powershellCommandText,
} from '../../../diagnostics/windows/powershell.js';
import { fakeWindowsRunner, RUN_WINDOWS_TESTS } from '../../helpers/fake-windows.js';
import { loadFixtures } from '../../helpers/fixtures.js';

const linux = loadFixtures('wifi', 'linux', '.txt');

/**
 * WLAN API answers as the C# class `XasoWlan` returns them (one dictionary per interface), written
 * from Microsoft's documentation: the API cannot answer on Linux, so these stay pure parser cases.
 * - WlanQueryInterface and its error codes: https://learn.microsoft.com/en-us/windows/win32/api/wlanapi/nf-wlanapi-wlanqueryinterface
 * - WLAN_ASSOCIATION_ATTRIBUTES (wlanSignalQuality 0–100, rates in kbps): https://learn.microsoft.com/en-us/windows/win32/api/wlanapi/ns-wlanapi-wlan_association_attributes
 * - DOT11_PHY_TYPE (7 = HT/802.11n, 8 = VHT/802.11ac): https://learn.microsoft.com/en-us/windows/win32/nativewifi/dot11-phy-type
 * - WLAN_INTERFACE_STATE (1 = connected): https://learn.microsoft.com/en-us/windows/win32/api/wlanapi/ne-wlanapi-wlan_interface_state-r1
 * - 24H2 location rule (ERROR_ACCESS_DENIED): https://learn.microsoft.com/en-us/windows/win32/nativewifi/wi-fi-access-location-changes
 * - WlanOpenHandle → ERROR_SERVICE_NOT_ACTIVE (1062) without WLAN AutoConfig: https://learn.microsoft.com/en-us/windows/win32/api/wlanapi/nf-wlanapi-wlanopenhandle
 */
const GUID = '{3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8}';
const AX201 = 'Intel(R) Wi-Fi 6 AX201 160MHz';

describe('Windows Wi-Fi through the WLAN API', () => {
  it.each([
    [
      'connected 5 GHz, strong, RSSI read',
      {
        Guid: GUID,
        Description: AX201,
        State: 1,
        Ssid: 'UBND-Xã-5G',
        Bssid: 'a0:b1:c2:d3:e4:f5',
        PhyType: 8,
        SignalQuality: 92,
        RxKbps: 866700,
        TxKbps: 780000,
        Channel: 44,
        Rssi: -52,
      },
      {
        signalPercent: 92,
        signalDbm: -52,
        level: 'strong',
        ssid: 'UBND-Xã-5G',
        bssid: 'a0:b1:c2:d3:e4:f5',
        band: '5 GHz',
        channel: 44,
        phy: '802.11ac (Wi-Fi 5)',
        rxMbps: 867,
        txMbps: 780,
      },
    ],
    [
      'connected 2.4 GHz, weak, RSSI opcode not supported (50): dBm estimated',
      {
        Guid: GUID,
        Description: AX201,
        State: 1,
        Ssid: 'CityHall',
        Bssid: '10:20:30:40:50:60',
        PhyType: 7,
        SignalQuality: 30,
        RxKbps: 72222,
        TxKbps: 65000,
        Channel: 6,
        RssiError: 50,
      },
      {
        signalPercent: 30,
        signalDbm: -85,
        estimated: true,
        level: 'weak',
        ssid: 'CityHall',
        bssid: '10:20:30:40:50:60',
        band: '2.4 GHz',
        channel: 6,
        phy: '802.11n (Wi-Fi 4)',
        rxMbps: 72,
        txMbps: 65,
      },
    ],
    [
      'location permission denied (5)',
      { Guid: GUID, Description: AX201, State: 1, QueryError: 5, Channel: 36, RssiError: 5 },
      {
        unavailable: 'location-permission',
        unavailableDetail: 'WlanQueryInterface: ERROR_ACCESS_DENIED (5)',
      },
    ],
    ['not connected', { State: 4 }, undefined],
    [
      'empty SSID and BSSID (24H2 without location)',
      { State: 1, Ssid: '', Bssid: '00:00:00:00:00:00', SignalQuality: 0 },
      {
        unavailable: 'location-permission',
        unavailableDetail: 'WlanQueryInterface: empty SSID and BSSID',
      },
    ],
    [
      'another query error',
      { State: 1, QueryError: 5023 },
      { unavailable: 'wlan-error', unavailableDetail: 'WlanQueryInterface: 5023' },
    ],
  ])('one interface: %s', (_name, entry, want) => {
    expect(parseWlanInterface(entry)).toEqual(want);
  });

  it('matches the adapter by GUID (case and braces aside), then by description; a failed section is wlan-error only when up', () => {
    const section = { Interfaces: [{ Guid: GUID, Description: AX201, State: 1, QueryError: 5 }] };
    expect(
      wifiForAdapter(section, { guid: '{3F2A1B4C-5D6E-4F70-8192-A3B4C5D6E7F8}' }, true),
    ).toMatchObject({ unavailable: 'location-permission' });
    expect(wifiForAdapter(section, { description: AX201 }, true)).toMatchObject({
      unavailable: 'location-permission',
    });
    expect(
      wifiForAdapter({ Interfaces: [], OpenError: 1062 }, { description: AX201 }, true),
    ).toEqual({ unavailable: 'wlan-error', unavailableDetail: '1062' });
    expect(
      wifiForAdapter(
        { Error: 'Cannot add type. Compilation errors occurred.' },
        { description: AX201 },
        false,
      ),
    ).toBeUndefined();
  });

  it('sends the C# as plain text in a here-string inside its own try/catch, refuses in CLM, never netsh', () => {
    expect(win32WifiScript).toContain("Add-Type -Language CSharp -TypeDefinition @'");
    expect(win32WifiScript).toContain('catch { xasoJson @{ Error=[string]$_.Exception.Message } }');
    expect(win32WifiScript).toContain('if ($xasoClm)');
    expect(win32WifiScript).not.toMatch(/FromBase64String|netsh/i);
    expect(win32NetworkScript).toContain('InterfaceGuid');
  });

  it.runIf(RUN_WINDOWS_TESTS).each(['FullLanguage', 'ConstrainedLanguage'] as const)(
    'in pwsh (%s) the script compiles or refuses, and fails gracefully: one JSON error, exit 0',
    async (languageMode) => {
      const output = await fakeWindowsRunner({ machine: 'en-US-laptop', languageMode })(
        powershellCommandText(win32WifiScript),
        { timeoutMs: 60_000 },
      );
      expect(output).toMatchObject({ exitCode: 0, stderr: '' });
      const parsed = parsePowerShellJson(output.stdout);
      const error =
        parsed.status === 'ok' ? String((parsed.data as { Error?: unknown }).Error) : parsed.reason;
      if (languageMode === 'ConstrainedLanguage')
        expect(error).toBe('ConstrainedLanguage: Add-Type is not allowed');
      // Compiled by Add-Type (Roslyn); the call into wlanapi.dll fails on Linux, not the compilation.
      else expect(error).toMatch(/^Exception calling "Read"/);
    },
  );

  it('the C# compiles with a C# 5 compiler (mcs -langversion:5)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xaso-wlan-'));
    try {
      writeFileSync(join(dir, 'wlan.cs'), WLAN_CSHARP);
      execFileSync(
        'mcs',
        [
          '-langversion:5',
          '-target:library',
          '-warnaserror+',
          `-out:${join(dir, 'wlan.dll')}`,
          join(dir, 'wlan.cs'),
        ],
        { stdio: 'pipe' },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Linux iw dev <if> link', () => {
  it.each(linux)('$locale/$name', ({ input, expected }) => {
    expect(parseIwLink(input) ?? null).toEqual(expected);
  });

  it('keeps the /proc/net/wireless level when iw is missing', () => {
    expect(mergeWifi(-70, undefined)).toEqual({ signalDbm: -70, level: 'fair' });
    expect(mergeWifi(undefined, undefined)).toBeUndefined();
  });
});

describe('Wi-Fi arithmetic', () => {
  it.each([
    [{ signalPercent: 70 }, 'strong'],
    [{ signalPercent: 40 }, 'fair'],
    [{ signalPercent: 39 }, 'weak'],
    [{ signalDbm: -60 }, 'strong'],
    [{ signalDbm: -75 }, 'fair'],
    [{ signalDbm: -76 }, 'weak'],
    [{ signalDbm: -90, estimated: true }, undefined],
  ] as const)('level of %o is %s', (wifi, level) => {
    expect(signalLevel(wifi)).toBe(level);
  });

  it('estimates dBm from quality = 2 × (dBm + 100)', () => {
    expect([0, 30, 100, 120].map(dbmFromQuality)).toEqual([-100, -85, -50, -50]);
    expect(signalFigure({ signalPercent: 30, signalDbm: -85, estimated: true })).toBe(
      '30% (≈ -85 dBm)',
    );
  });

  it.each([
    [6, 7, '2.4 GHz'],
    [44, 8, '5 GHz'],
    [44, 10, '5/6 GHz'],
    [6, 10, '2.4/6 GHz'],
    [197, 10, '6 GHz'],
    [200, 8, undefined],
  ])('channel %i with PHY %i is %s', (channel, phy, band) => {
    expect(bandFromChannel(channel, phy)).toBe(band);
  });

  it.each([
    [2412, '2.4 GHz', 1],
    [2484, '2.4 GHz', 14],
    [5180, '5 GHz', 36],
    [5955, '6 GHz', 1],
    [6115, '6 GHz', 33],
  ])('%i MHz', (mhz, band, channel) => {
    expect(bandFromFrequency(mhz)).toEqual({ band, channel });
  });
});
