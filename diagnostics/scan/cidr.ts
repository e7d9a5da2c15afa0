/**
 * IPv4 ranges: parsing `a.b.c.d/nn`, listing the host addresses, and finding the ranges of this
 * machine's own interfaces (the only ranges a scan may take without being told).
 */

/** An IPv4 range. `first`/`last` are the usable host addresses (as 32-bit numbers). */
export type Ipv4Range = Readonly<{
  cidr: string;
  prefix: number;
  first: number;
  last: number;
  size: number;
}>;

/** The largest range scanned without the user's confirmation (a /22 = 1024 addresses). */
export const CONFIRM_ABOVE_PREFIX = 22;
/** The largest range ever scanned, even when confirmed (a /16). */
export const MAX_PREFIX = 16;

/** `192.168.1.7` → number, or undefined when it is not a dotted IPv4 address. */
export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Number → dotted IPv4 address. */
export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/**
 * Parses `a.b.c.d/nn` (or a bare address = /32). Network and broadcast addresses are left out
 * for prefixes up to /30. Returns undefined for anything else.
 */
export function parseCidr(text: string): Ipv4Range | undefined {
  const [address, bits = '32', extra] = text.trim().split('/');
  if (extra !== undefined || address === undefined || !/^\d{1,2}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const ip = ipToInt(address);
  if (ip === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ip / size) * size;
  const edges = prefix <= 30 ? 1 : 0;
  return {
    cidr: `${intToIp(network)}/${prefix}`,
    prefix,
    first: network + edges,
    last: network + size - 1 - edges,
    size: size - 2 * edges,
  };
}

/** True when `ip` lies in `range` (network and broadcast included). */
export function inRange(ip: string, range: Ipv4Range): boolean {
  const value = ipToInt(ip);
  return value !== undefined && value >= range.first - 1 && value <= range.last + 1;
}

/** Every host address of the range, in order. */
export function addressesOf(range: Ipv4Range): string[] {
  const list: string[] = [];
  for (let value = range.first; value <= range.last; value += 1) list.push(intToIp(value));
  return list;
}

/** An interface address as `os.networkInterfaces()` reports it. */
export type InterfaceAddress = Readonly<{
  family: string | number;
  address: string;
  cidr: string | null;
  internal: boolean;
}>;

function ownIpv4(
  interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>,
): InterfaceAddress[] {
  return Object.values(interfaces).flatMap((addresses) =>
    (addresses ?? []).filter((entry) => {
      const v4 = entry.family === 'IPv4' || entry.family === 4;
      return v4 && !entry.internal && entry.cidr !== null && !entry.address.startsWith('169.254.');
    }),
  );
}

function rangesAt(
  interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>,
  prefixOf: (own: number) => number,
): Ipv4Range[] {
  const ranges = new Map<string, Ipv4Range>();
  for (const entry of ownIpv4(interfaces)) {
    const own = Number(entry.cidr?.split('/')[1] ?? '32');
    const range = parseCidr(`${entry.address}/${prefixOf(own)}`);
    if (range !== undefined) ranges.set(range.cidr, range);
  }
  return [...ranges.values()];
}

/**
 * The ranges on this machine's own links, exactly as each interface's prefix says (a /23 is
 * on-link in both halves): hosts there answer ARP, so a silent one is still seen. Loopback and
 * link-local 169.254/16 are left out.
 */
export function onLinkRanges(
  interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>,
): Ipv4Range[] {
  return rangesAt(interfaces, (own) => own);
}

/**
 * The ranges a scan takes without being told: each interface's own range up to a /22
 * ({@link CONFIRM_ABOVE_PREFIX}); a larger network (a /16 office) is narrowed to the /24 around
 * the machine's address, so it is not swept without being asked.
 */
export function localRanges(
  interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>>,
): Ipv4Range[] {
  return rangesAt(interfaces, (own) => (own >= CONFIRM_ABOVE_PREFIX ? own : 24));
}
