/**
 * Wi-Fi signal and band: the Windows WLAN API section on en-US and vi-VN fixtures (see
 * tests/fixtures/wifi/win32/<locale>/SOURCE.md), the Linux `iw dev <if> link` parser, the
 * arithmetic (levels, quality ↔ dBm, band from channel/frequency), and the C# source compiled by
 * a real C# 5 compiler (mono `mcs`) so Windows PowerShell 5.1's Add-Type gets valid code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parseWin32Network, win32NetworkScript } from '../../../diagnostics/network/config-win32.js';
import { parseIwLink, mergeWifi } from '../../../diagnostics/network/wifi-linux.js';
import { bandFromChannel, bandFromFrequency, dbmFromQuality, signalFigure, signalLevel } from '../../../diagnostics/network/wifi-signal.js';
import { parseWlanInterface, WLAN_CSHARP } from '../../../diagnostics/network/wifi-win32.js';
import { loadFixtures } from '../../helpers/fixtures.js';

const windows = loadFixtures('wifi', 'win32');
const linux = loadFixtures('wifi', 'linux', '.txt');

describe('Windows Wi-Fi through the WLAN API', () => {
  it('has the same cases for both locales', () => {
    const names = (locale: string): string[] => windows.filter((c) => c.locale === locale).map((c) => c.name).sort();
    expect(names('vi-VN')).toEqual(names('en-US'));
    expect(names('en-US')).toEqual(['connected-24ghz-weak', 'connected-5ghz-strong', 'location-denied', 'no-wifi-adapter', 'wlan-section-failed']);
  });

  it.each(windows)('$locale/$name', ({ input, expected }) => {
    const parsed = parseWin32Network(JSON.parse(input));
    const got = parsed.interfaces.map((i) => ({ name: i.name, kind: i.kind, up: i.up, ...(i.wifi === undefined ? {} : { wifi: i.wifi }) }));
    expect(got).toEqual((expected as { interfaces: unknown }).interfaces);
  });

  it.each([
    ['not connected', { State: 4 }, undefined],
    ['empty SSID and BSSID (24H2 without location)', { State: 1, Ssid: '', Bssid: '00:00:00:00:00:00', SignalQuality: 0 }, { unavailable: 'location-permission', unavailableDetail: 'WlanQueryInterface: empty SSID and BSSID' }],
    ['another query error', { State: 1, QueryError: 5023 }, { unavailable: 'wlan-error', unavailableDetail: 'WlanQueryInterface: 5023' }],
  ])('one interface: %s', (_name, entry, want) => {
    expect(parseWlanInterface(entry)).toEqual(want);
  });

  it('sends the C# base64-encoded inside its own try/catch, and asks for the adapter GUID', () => {
    expect(win32NetworkScript).toContain("try { $src=[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('");
    expect(win32NetworkScript).toContain("catch { $r['Wifi']=@{ Error=[string]$_.Exception.Message } };");
    expect(win32NetworkScript).toContain('InterfaceGuid');
    expect(win32NetworkScript).not.toMatch(/netsh/i);
    expect(win32NetworkScript).not.toContain('"');
  });

  it('the C# compiles with a C# 5 compiler (mcs -langversion:5)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xaso-wlan-'));
    try {
      writeFileSync(join(dir, 'wlan.cs'), WLAN_CSHARP);
      execFileSync('mcs', ['-langversion:5', '-target:library', '-warnaserror+', `-out:${join(dir, 'wlan.dll')}`, join(dir, 'wlan.cs')], { stdio: 'pipe' });
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
    [{ signalPercent: 70 }, 'strong'], [{ signalPercent: 40 }, 'fair'], [{ signalPercent: 39 }, 'weak'],
    [{ signalDbm: -60 }, 'strong'], [{ signalDbm: -75 }, 'fair'], [{ signalDbm: -76 }, 'weak'],
    [{ signalDbm: -90, estimated: true }, undefined],
  ] as const)('level of %o is %s', (wifi, level) => {
    expect(signalLevel(wifi)).toBe(level);
  });

  it('estimates dBm from quality = 2 × (dBm + 100)', () => {
    expect([0, 30, 100, 120].map(dbmFromQuality)).toEqual([-100, -85, -50, -50]);
    expect(signalFigure({ signalPercent: 30, signalDbm: -85, estimated: true })).toBe('30% (≈ -85 dBm)');
  });

  it.each([
    [6, 7, '2.4 GHz'], [44, 8, '5 GHz'], [44, 10, '5/6 GHz'], [6, 10, '2.4/6 GHz'], [197, 10, '6 GHz'], [200, 8, undefined],
  ])('channel %i with PHY %i is %s', (channel, phy, band) => {
    expect(bandFromChannel(channel, phy)).toBe(band);
  });

  it.each([[2412, '2.4 GHz', 1], [2484, '2.4 GHz', 14], [5180, '5 GHz', 36], [5955, '6 GHz', 1], [6115, '6 GHz', 33]])('%i MHz', (mhz, band, channel) => {
    expect(bandFromFrequency(mhz)).toEqual({ band, channel });
  });
});
