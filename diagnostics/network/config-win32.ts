/**
 * Windows network configuration in ONE PowerShell spawn, JSON only: `Get-NetAdapter`,
 * `Get-NetIPAddress` (PrefixOrigin Dhcp/Manual), `Get-NetRoute 0.0.0.0/0`,
 * `Get-DnsClientServerAddress`, the user's proxy from the registry (Internet Settings), and the
 * current Wi-Fi connection from the separate, optional WLAN script (`wifi-win32.ts`, merged in as
 * `Wifi`; never the localized `netsh wlan` text).
 */
import { asArray, bool, num, partError, str } from '../windows/powershell.js';
import type { InterfaceKind, NetInterface, NetworkConfig, ProxySettings } from './types.js';
import { wifiForAdapter } from './wifi-win32.js';

/** The batched script. */
/** One part of the batch in its own try/catch: a failing cmdlet costs only its part. */
const part = (name: string, body: string): string =>
  `$r['${name}']=& { try { ${body} } catch { @{ error = [string]$_.Exception.Message } } };`;

/** The batched script. */
export const win32NetworkScript = [
  '$r=[ordered]@{};',
  part(
    'Adapters',
    "@(Get-NetAdapter | Select-Object Name,InterfaceDescription,ifIndex,@{n='InterfaceGuid';e={[string]$_.InterfaceGuid}},@{n='Status';e={[string]$_.Status}},MacAddress,ReceiveLinkSpeed,@{n='PhysicalMediaType';e={[string]$_.PhysicalMediaType}},Virtual)",
  ),
  part(
    'Ip',
    "@(Get-NetIPAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue | Select-Object InterfaceIndex,IPAddress,PrefixLength,@{n='PrefixOrigin';e={[string]$_.PrefixOrigin}})",
  ),
  part(
    'Routes',
    "@(Get-NetRoute -DestinationPrefix '0.0.0.0/0' -ErrorAction SilentlyContinue | Select-Object InterfaceIndex,NextHop,RouteMetric)",
  ),
  part(
    'Dns',
    '@(Get-DnsClientServerAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue | Select-Object InterfaceIndex,ServerAddresses)',
  ),
  part(
    'Proxy',
    "Get-ItemProperty 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings' -ErrorAction SilentlyContinue | Select-Object ProxyEnable,ProxyServer,ProxyOverride,AutoConfigURL",
  ),
  'xasoJson $r',
].join('\n');

/** A part's list, empty when it failed (its error is reported through {@link partError}). */
const listOf = (value: unknown): unknown[] =>
  partError(value) === undefined ? asArray(value) : [];

function kindOf(adapter: unknown): InterfaceKind {
  const media = str(adapter, 'PhysicalMediaType') ?? '';
  if (/802\.11|Wireless/i.test(media)) return 'wifi';
  if (bool(adapter, 'Virtual') === true) return 'virtual';
  if (/802\.3/.test(media)) return 'wired';
  return 'other';
}

/** Proxy from the Internet Settings registry values. */
export function parseWin32Proxy(value: unknown): ProxySettings {
  const enabled = num(value, 'ProxyEnable') === 1;
  const server = str(value, 'ProxyServer');
  const pac = str(value, 'AutoConfigURL');
  const bypass = str(value, 'ProxyOverride');
  if (!enabled && pac === undefined) return { enabled: false, source: 'windows-registry' };
  return {
    enabled: true,
    ...(server === undefined ? {} : { server }),
    ...(pac === undefined ? {} : { autoConfigUrl: pac }),
    ...(bypass === undefined ? {} : { bypass }),
    source: 'windows-registry',
  };
}

/** Parses the JSON of {@link win32NetworkScript}. */
export function parseWin32Network(data: unknown): NetworkConfig {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const routes = listOf(record['Routes']).sort(
    (a, b) => (num(a, 'RouteMetric') ?? 0) - (num(b, 'RouteMetric') ?? 0),
  );
  const interfaces: NetInterface[] = listOf(record['Adapters']).map((a) => {
    const index = num(a, 'ifIndex');
    const ips = listOf(record['Ip']).filter((ip) => num(ip, 'InterfaceIndex') === index);
    const gateway = str(
      routes.find((r) => num(r, 'InterfaceIndex') === index),
      'NextHop',
    );
    const dns = listOf(record['Dns'])
      .filter((d) => num(d, 'InterfaceIndex') === index)
      .flatMap((d) => asArray((d as Record<string, unknown>)['ServerAddresses']).map(String));
    const speed = num(a, 'ReceiveLinkSpeed');
    const mac = str(a, 'MacAddress');
    const description = str(a, 'InterfaceDescription');
    const kind = kindOf(a);
    const up = str(a, 'Status') === 'Up';
    const guid = str(a, 'InterfaceGuid');
    const wifi =
      kind === 'wifi'
        ? wifiForAdapter(
            record['Wifi'],
            {
              ...(guid === undefined ? {} : { guid }),
              ...(description === undefined ? {} : { description }),
            },
            up,
          )
        : undefined;
    return {
      name: str(a, 'Name') ?? '?',
      ...(description === undefined ? {} : { description }),
      kind,
      up,
      ...(mac === undefined ? {} : { mac: mac.replace(/-/g, ':').toLowerCase() }),
      ...(speed === undefined || speed <= 0 ? {} : { speedMbps: Math.round(speed / 1_000_000) }),
      ipv4: ips.map((ip) => ({
        address: str(ip, 'IPAddress') ?? '?',
        prefix: num(ip, 'PrefixLength') ?? 0,
        dhcp: str(ip, 'PrefixOrigin') === 'Dhcp',
      })),
      ...(gateway === undefined || gateway === '0.0.0.0' ? {} : { gateway }),
      dns,
      ...(wifi === undefined ? {} : { wifi }),
    };
  });
  const up = interfaces.filter((i) => i.up);
  const defaultGateway = up.find((i) => i.gateway !== undefined)?.gateway;
  const dnsServers = [...new Set(up.flatMap((i) => i.dns))];
  return {
    interfaces,
    ...(defaultGateway === undefined ? {} : { defaultGateway }),
    dnsServers,
    proxy: parseWin32Proxy(partError(record['Proxy']) === undefined ? record['Proxy'] : undefined),
  };
}
