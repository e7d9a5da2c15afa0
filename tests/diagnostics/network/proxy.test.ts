/**
 * Which proxy applies to a URL: the forms Windows stores in `ProxyServer`, the `ProxyOverride`
 * bypass list (`<local>`, wildcards) and environment proxies; chunked bodies read through it.
 */
import { describe, expect, it } from 'vitest';

import { dechunk, proxyFor } from '../../../diagnostics/network/proxy.js';
import type { ProxySettings } from '../../../diagnostics/network/types.js';

const win = (server: string, bypass?: string): ProxySettings => ({
  enabled: true,
  server,
  ...(bypass === undefined ? {} : { bypass }),
  source: 'windows-registry',
});

describe('proxyFor', () => {
  it('reads host:port, URLs and the per-scheme Windows form', () => {
    expect(proxyFor(win('10.0.0.1:3128'), new URL('https://dichvucong.gov.vn/'))).toEqual({
      host: '10.0.0.1',
      port: 3128,
    });
    expect(
      proxyFor(
        { enabled: true, server: 'http://proxy.xa.local:8080/', source: 'environment' },
        new URL('http://x.vn/'),
      ),
    ).toEqual({ host: 'proxy.xa.local', port: 8080 });
    const perScheme = win('http=10.0.0.1:80;https=10.0.0.2:443');
    expect(proxyFor(perScheme, new URL('https://a.vn/'))).toEqual({ host: '10.0.0.2', port: 443 });
    expect(proxyFor(perScheme, new URL('http://a.vn/'))).toEqual({ host: '10.0.0.1', port: 80 });
  });

  it('honours the bypass list and a disabled proxy', () => {
    const settings = win('10.0.0.1:3128', '<local>;*.gov.vn;192.168.*');
    expect(proxyFor(settings, new URL('https://dichvucong.gov.vn/'))).toBeUndefined();
    expect(proxyFor(settings, new URL('http://mayin/'))).toBeUndefined();
    expect(proxyFor(settings, new URL('http://192.168.1.20/'))).toBeUndefined();
    expect(proxyFor(settings, new URL('https://kyso.vnpt-ca.vn/'))).toEqual({
      host: '10.0.0.1',
      port: 3128,
    });
    expect(proxyFor({ enabled: false, source: 'none' }, new URL('https://a.vn/'))).toBeUndefined();
    expect(
      proxyFor(
        { enabled: true, autoConfigUrl: 'http://wpad/wpad.dat', source: 'windows-registry' },
        new URL('https://a.vn/'),
      ),
    ).toBeUndefined();
  });

  it('decodes chunked bodies', () => {
    expect(
      dechunk(Buffer.from('9\r\nMicrosoft\r\nd\r\n Connect Test\r\n0\r\n\r\n')).toString(),
    ).toBe('Microsoft Connect Test');
  });
});
