/**
 * Windows network configuration end to end: the shipped network and Wi-Fi scripts run in pwsh
 * against the fake machines (tests/fixtures/windows/<machine>), through `readNetworkConfig`, to the
 * expectations in tests/fixtures/network-config/win32/<locale>/<machine>.expected.json.
 */
import { describe, expect, it } from 'vitest';

import { readNetworkConfig } from '../../../diagnostics/network/config.js';
import { parseWin32Proxy } from '../../../diagnostics/network/config-win32.js';
import type { NetInterface } from '../../../diagnostics/network/types.js';
import { fakeWindowsContext, RUN_WINDOWS_TESTS } from '../../helpers/fake-windows.js';
import { loadMachineExpectations } from '../../helpers/fixtures.js';

const cases = loadMachineExpectations('network-config');

/** What the expectation pins: no description, no per-interface DNS, Wi-Fi by its kind of answer only. */
function pinned(i: NetInterface): Record<string, unknown> {
  const { description: _d, dns: _dns, wifi, ...rest } = i;
  return {
    ...rest,
    ...(wifi === undefined
      ? {}
      : { wifi: 'unavailable' in wifi ? { unavailable: wifi.unavailable } : wifi }),
  };
}

describe('Windows network configuration', () => {
  it('has an expectation for both fake machines', () => {
    expect(cases.map((c) => c.machine).sort()).toEqual(['en-US-laptop', 'vi-VN-commune-pc']);
  });

  it.runIf(RUN_WINDOWS_TESTS).each(cases)(
    '$machine (network + Wi-Fi scripts in pwsh)',
    async ({ machine, expected }) => {
      const result = await readNetworkConfig(fakeWindowsContext({ machine }));
      expect(result.status).toBe('ok');
      if (result.status !== 'ok') return;
      const want = expected as { interfaces: unknown[] } & Record<string, unknown>;
      expect(result.data.defaultGateway).toBe(want['defaultGateway']);
      expect(result.data.dnsServers).toEqual(want['dnsServers']);
      expect(result.data.proxy).toEqual(want['proxy']);
      expect(result.data.interfaces.map(pinned)).toEqual(want.interfaces);
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'a failing Get-NetAdapter fails the whole reading with its message',
    async () => {
      const ctx = fakeWindowsContext({
        machine: 'vi-VN-commune-pc',
        faults: [
          {
            cmdlet: 'Get-NetAdapter',
            kind: 'throw',
            message: 'Không tìm thấy đối tượng MSFT_NetAdapter',
          },
        ],
      });
      const result = await readNetworkConfig(ctx);
      expect(result.status).toBe('failed');
      expect(result.status === 'failed' ? result.reason : '').toMatch(
        /Không tìm thấy đối tượng MSFT_NetAdapter/,
      );
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'no default route (Get-NetRoute finds nothing): no gateway, the rest read',
    async () => {
      const ctx = fakeWindowsContext({
        machine: 'en-US-laptop',
        faults: [{ cmdlet: 'Get-NetRoute', kind: 'empty' }],
      });
      const result = await readNetworkConfig(ctx);
      expect(result.status === 'ok' ? result.data.defaultGateway : 'failed').toBeUndefined();
      expect(result.status === 'ok' ? result.data.interfaces.length : 0).toBe(2);
    },
  );

  it('reads a PAC-only proxy and no proxy', () => {
    expect(parseWin32Proxy({ ProxyEnable: 0, AutoConfigURL: 'http://wpad/wpad.dat' })).toEqual({
      enabled: true,
      autoConfigUrl: 'http://wpad/wpad.dat',
      source: 'windows-registry',
    });
    expect(parseWin32Proxy({ ProxyEnable: 0 })).toEqual({
      enabled: false,
      source: 'windows-registry',
    });
  });
});
