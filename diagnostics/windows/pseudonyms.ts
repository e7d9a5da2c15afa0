/**
 * Stable pseudonyms for a redacted capture: within one file the same value always becomes the
 * same stand-in (`host-1`, `user-2`, `02-00-00-00-00-01`, `10.0.1.23`), so a reader can still
 * see that the gateway of one script is the NextHop of another. Stand-ins keep the shape the
 * parsers expect (a MAC stays a MAC, an IPv4 an IPv4), so a redacted capture still parses.
 * Only counts leave this module: never the original values.
 */

/** What was removed. */
export type RedactionKind =
  | 'user'
  | 'host'
  | 'domain'
  | 'email'
  | 'serial'
  | 'uuid'
  | 'mac'
  | 'ipv4'
  | 'ipv6'
  | 'ssid'
  | 'bssid'
  | 'certificate'
  | 'document';

/** One line of a capture's `redactions` list. */
export type RedactionCount = Readonly<{
  kind: RedactionKind;
  /** Replacements made (every occurrence). */
  count: number;
  /** Different values replaced. */
  distinct: number;
}>;

/** IPv4 addresses that say nothing about the office: loopback, unspecified, broadcast, link-local (APIPA is a diagnosis), multicast, and the well-known public resolvers. */
export function isHarmlessIpv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 127 || a === 0 || a >= 224) return true;
  if (a === 169 && b === 254) return true;
  return PUBLIC_RESOLVERS.has(ip);
}

const PUBLIC_RESOLVERS = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
]);

/** True for 10/8, 172.16/12 and 192.168/16. */
function isPrivateIpv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The pseudonym table of one capture. */
export class Pseudonyms {
  /** Per kind: normalised original → its number (the stand-in is formatted per occurrence). */
  private readonly tables = new Map<RedactionKind, Map<string, number>>();
  private readonly originals = new Map<RedactionKind, Map<string, string>>();
  private readonly standIns = new Map<RedactionKind, Set<string>>();
  private readonly counts = new Map<RedactionKind, number>();
  private readonly networks = new Map<string, number>();
  private readonly publics = new Map<string, number>();
  private readonly used = new Map<RedactionKind, Set<string>>();

  /** The stand-in for `value` of `kind` (the same every time), counting one replacement. */
  replace(kind: RedactionKind, value: string): string {
    const key = normalise(kind, value);
    const stand = this.standIn(kind, value, this.number(kind, key, value));
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.used.set(kind, (this.used.get(kind) ?? new Set<string>()).add(key));
    return stand;
  }

  /** Registers a value known in advance (a seed) without counting a replacement. */
  learn(kind: RedactionKind, value: string): void {
    this.standIn(kind, value, this.number(kind, normalise(kind, value), value));
  }

  /** Counts a removal that has no stand-in (a certificate blob dropped). */
  note(kind: RedactionKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** True when `text` is one of the stand-ins already handed out (so it is not redacted twice). */
  isStandIn(kind: RedactionKind, text: string): boolean {
    return this.standIns.get(kind)?.has(text.toLowerCase()) ?? false;
  }

  /** Every original value learnt so far, longest first (for the free-text pass). */
  learnt(): { kind: RedactionKind; value: string }[] {
    const all = [...this.originals].flatMap(([kind, table]) =>
      [...table.values()].map((value) => ({ kind, value })),
    );
    return all.sort((x, y) => y.value.length - x.value.length);
  }

  /** What was removed, by kind, and how often (never the values). */
  report(): RedactionCount[] {
    return [...this.counts]
      .map(([kind, count]) => ({ kind, count, distinct: this.used.get(kind)?.size ?? 0 }))
      .sort((a, b) => a.kind.localeCompare(b.kind));
  }

  private number(kind: RedactionKind, key: string, value: string): number {
    const table = this.tables.get(kind) ?? new Map<string, number>();
    this.tables.set(kind, table);
    let n = table.get(key);
    if (n === undefined) {
      n = table.size + 1;
      table.set(key, n);
      const originals = this.originals.get(kind) ?? new Map<string, string>();
      this.originals.set(kind, originals.set(key, value));
    }
    return n;
  }

  private standIn(kind: RedactionKind, value: string, n: number): string {
    const stand = this.make(kind, value, n);
    this.standIns.set(
      kind,
      (this.standIns.get(kind) ?? new Set<string>()).add(stand.toLowerCase()),
    );
    return stand;
  }

  private make(kind: RedactionKind, value: string, n: number): string {
    switch (kind) {
      case 'mac':
      case 'bssid':
        return fakeMac(value, n);
      case 'uuid':
        return fakeUuid(value, n);
      case 'ipv4':
        return this.fakeIpv4(value);
      case 'ipv6':
        return value.toLowerCase().startsWith('fe80')
          ? `fe80::${n.toString(16)}`
          : `fd00::${n.toString(16)}`;
      case 'email':
        return `email-${String(n)}@example.invalid`;
      case 'domain':
        return `domain-${String(n)}.example`;
      case 'certificate':
        return `CN=subject-${String(n)}`;
      case 'user':
      case 'host':
      case 'serial':
      case 'ssid':
      case 'document':
        return `${kind}-${String(n)}`;
      default:
        return assertNever(kind);
    }
  }

  /**
   * Private addresses keep their last byte and get a stand-in /24 in 10.0.0.0/16, so addresses
   * of one subnet stay in one subnet (gateway and host still match); public ones get documentation
   * addresses (RFC 5737).
   */
  private fakeIpv4(ip: string): string {
    if (!isPrivateIpv4(ip)) {
      const n = this.publics.get(ip) ?? this.publics.size + 1;
      this.publics.set(ip, n);
      return n <= 254 ? `198.51.100.${String(n)}` : `203.0.113.${String(n % 254 || 254)}`;
    }
    const parts = ip.split('.');
    const net = parts.slice(0, 3).join('.');
    let index = this.networks.get(net);
    if (index === undefined) {
      index = this.networks.size + 1;
      this.networks.set(net, index);
    }
    return `10.${String(Math.floor(index / 256))}.${String(index % 256)}.${parts[3] ?? '1'}`;
  }
}

/** The key two spellings of one value share: MACs and UUIDs without separators or braces, names without case. */
function normalise(kind: RedactionKind, value: string): string {
  if (kind === 'mac' || kind === 'bssid') return value.replace(/[-:]/g, '').toLowerCase();
  if (kind === 'uuid') return value.replace(/[{}]/g, '').toLowerCase();
  if (kind === 'certificate' || kind === 'document' || kind === 'ssid') return value;
  return value.toLowerCase();
}

/** A locally administered MAC (02-…) in the original's separator and case. */
function fakeMac(original: string, n: number): string {
  const sep = original.includes(':') ? ':' : '-';
  const hex = n.toString(16).padStart(10, '0');
  const bytes = ['02', ...(hex.match(/../g) ?? [])];
  const mac = bytes.join(sep);
  return original === original.toLowerCase() ? mac : mac.toUpperCase();
}

/** A UUID-shaped stand-in (braces kept when the original had them). */
function fakeUuid(original: string, n: number): string {
  const body = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const cased = original === original.toLowerCase() ? body : body.toUpperCase();
  return original.startsWith('{') ? `{${cased}}` : cased;
}

function assertNever(value: never): never {
  throw new Error(`unexpected redaction kind: ${String(value)}`);
}
