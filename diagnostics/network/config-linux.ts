/**
 * Linux network configuration from iproute2 JSON (`ip -j -d addr`, `ip -j route`), resolv.conf,
 * `/sys/class/net/<if>/speed`, `/proc/net/wireless` (numbers only) and, for Wi-Fi, `iw dev <if> link`
 * (band, channel, SSID; optional). Pure parsers + one reader.
 */

import type { ProbeContext } from '../types.js';
import type { InterfaceKind, NetInterface, NetworkConfig, ProxySettings } from './types.js';
import { mergeWifi, readIwLink } from './wifi-linux.js';

type Json = Record<string, unknown>;
const asList = (text: string): Json[] => {
  const data: unknown = JSON.parse(text.trim() === '' ? '[]' : text);
  if (!Array.isArray(data)) throw new Error('iproute2 did not print a JSON array');
  return data.filter((x): x is Json => typeof x === 'object' && x !== null);
};

function kindOf(link: Json, wireless: boolean): InterfaceKind {
  if (link['link_type'] === 'loopback') return 'loopback';
  if (wireless) return 'wifi';
  const info = link['linkinfo'] as Json | undefined;
  if (info !== undefined && typeof info['info_kind'] === 'string') return 'virtual';
  return link['link_type'] === 'ether' ? 'wired' : 'other';
}

/** Parses `ip -j -d addr show`; `wireless` names the interfaces that are Wi-Fi. */
export function parseIpAddr(
  text: string,
  wireless: ReadonlySet<string> = new Set(),
): NetInterface[] {
  return asList(text).map((link) => {
    const name = String(link['ifname'] ?? '?');
    const flags = Array.isArray(link['flags']) ? (link['flags'] as unknown[]).map(String) : [];
    const addrs = Array.isArray(link['addr_info']) ? (link['addr_info'] as Json[]) : [];
    const mac =
      typeof link['address'] === 'string' && link['link_type'] === 'ether'
        ? link['address']
        : undefined;
    return {
      name,
      kind: kindOf(link, wireless.has(name)),
      up: flags.includes('UP') && flags.includes('LOWER_UP'),
      ...(mac === undefined ? {} : { mac }),
      ipv4: addrs
        .filter((a) => a['family'] === 'inet')
        .map((a) => ({
          address: String(a['local']),
          prefix: Number(a['prefixlen']),
          dhcp: a['dynamic'] === true,
        })),
      dns: [],
    };
  });
}

/** Parses `ip -j route show default` → the first default gateway and its device. */
export function parseDefaultRoute(text: string): { gateway: string; dev?: string } | undefined {
  const route = asList(text).find(
    (r) => r['dst'] === 'default' && typeof r['gateway'] === 'string',
  );
  if (route === undefined) return undefined;
  return {
    gateway: String(route['gateway']),
    ...(typeof route['dev'] === 'string' ? { dev: route['dev'] } : {}),
  };
}

/** `nameserver` lines of resolv.conf. */
export function parseResolvConf(text: string): string[] {
  return [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)]
    .map((m) => m[1] ?? '')
    .filter((s) => s !== '');
}

/** `/proc/net/wireless` → interface → signal level in dBm. */
export function parseProcWireless(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n').slice(2)) {
    const match = /^\s*(\S+):\s+\S+\s+\S+\s+(-?\d+)/.exec(line);
    if (match?.[1] !== undefined) map.set(match[1], Number(match[2]));
  }
  return map;
}

/** Proxy from the environment (`https_proxy`, `http_proxy`, `no_proxy`). */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>>): ProxySettings {
  const server = env['https_proxy'] ?? env['HTTPS_PROXY'] ?? env['http_proxy'] ?? env['HTTP_PROXY'];
  const bypass = env['no_proxy'] ?? env['NO_PROXY'];
  if (server === undefined || server === '') return { enabled: false, source: 'none' };
  return {
    enabled: true,
    server,
    ...(bypass === undefined ? {} : { bypass }),
    source: 'environment',
  };
}

/** Reads the whole configuration on Linux. Throws when `ip` cannot run (the caller reports it). */
export async function linuxNetworkConfig(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<NetworkConfig> {
  const read = (path: string): Promise<string | undefined> =>
    ctx.fs.readText(path).catch(() => undefined);
  const opts = { timeoutMs: 5000, ...(signal === undefined ? {} : { signal }) };
  const [addr, route] = await Promise.all([
    ctx.run('ip', ['-j', '-d', 'addr', 'show'], opts),
    ctx.run('ip', ['-j', 'route', 'show', 'default'], opts),
  ]);
  const wifiLevels = parseProcWireless((await read('/proc/net/wireless')) ?? '');
  const dns = parseResolvConf((await read('/etc/resolv.conf')) ?? '');
  const def = parseDefaultRoute(route.stdout);
  const interfaces = await Promise.all(
    parseIpAddr(addr.stdout, new Set(wifiLevels.keys())).map(async (i) => {
      const speed = Number((await read(`/sys/class/net/${i.name}/speed`))?.trim());
      const wifi =
        i.kind === 'wifi'
          ? mergeWifi(
              wifiLevels.get(i.name),
              i.up ? await readIwLink(ctx, i.name, signal) : undefined,
            )
          : undefined;
      return {
        ...i,
        ...(Number.isFinite(speed) && speed > 0 ? { speedMbps: speed } : {}),
        ...(def?.dev === i.name ? { gateway: def.gateway } : {}),
        dns: i.kind === 'loopback' ? [] : dns,
        ...(wifi === undefined ? {} : { wifi }),
      };
    }),
  );
  return {
    interfaces,
    ...(def === undefined ? {} : { defaultGateway: def.gateway }),
    dnsServers: dns,
    proxy: proxyFromEnv(ctx.env),
  };
}
