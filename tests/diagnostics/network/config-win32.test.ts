/**
 * Windows network configuration parser on en-US and vi-VN fixtures (Get-NetAdapter &c. as JSON;
 * see tests/fixtures/network-config/SOURCE.md).
 */
import { describe, expect, it } from 'vitest';

import { parseWin32Network, parseWin32Proxy } from '../../../diagnostics/network/config-win32.js';
import { loadFixtures } from '../../helpers/fixtures.js';

const cases = loadFixtures('network-config', 'win32');

describe('parseWin32Network', () => {
  it('has fixtures for both locales', () => {
    expect(new Set(cases.map((c) => c.locale))).toEqual(new Set(['en-US', 'vi-VN']));
  });

  it.each(cases)('$locale/$name', ({ input, expected }) => {
    const parsed = parseWin32Network(JSON.parse(input));
    const want = expected as { interfaces: { name: string }[] } & Record<string, unknown>;
    expect(parsed.defaultGateway).toBe(want['defaultGateway']);
    expect(parsed.dnsServers).toEqual(want['dnsServers']);
    expect(parsed.proxy).toEqual(want['proxy']);
    expect(parsed.interfaces.map(({ description: _d, dns: _dns, ...rest }) => rest)).toEqual(want.interfaces);
  });

  it('reads a PAC-only proxy and no proxy', () => {
    expect(parseWin32Proxy({ ProxyEnable: 0, AutoConfigURL: 'http://wpad/wpad.dat' })).toEqual({ enabled: true, autoConfigUrl: 'http://wpad/wpad.dat', source: 'windows-registry' });
    expect(parseWin32Proxy({ ProxyEnable: 0 })).toEqual({ enabled: false, source: 'windows-registry' });
  });
});
