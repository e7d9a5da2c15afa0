/**
 * Redaction of a field capture (issue 9, point 6): what the scripts printed on a commune PC,
 * without what identifies the PC, its users or its network. Pure: text in, text out.
 *
 * Two passes over every script of the capture. (1) Each stdout line that is JSON (the scripts
 * print one `xasoJson` line; the facts batch one line per section) is parsed and redacted by
 * property name (UUID, serials, MacAddress, IPAddress, Ssid, UserName…; `Name` only in the facts
 * `system` section; personal certificates reduced to issuer and validity). (2) Every string left
 * (JSON values, stray lines, stderr) goes through the values learnt in (1) and the seeds (the
 * host and user names the service knows), then regexes: user folders, UNC hosts, e-mail, MAC,
 * UUID, IPv4, IPv6, default Windows host names. JSON lines are written back as ASCII JSON, the
 * way `xasoJson` prints them, so the redacted capture parses through the same parsers.
 */
import { isIPv6 } from 'node:net';

import {
  isHarmlessIpv4,
  Pseudonyms,
  type RedactionCount,
  type RedactionKind,
} from './pseudonyms.js';

/** A value known to identify this machine before anything is read (host name, user name). */
export type RedactionSeed = Readonly<{ kind: RedactionKind; value: string }>;

/** The streams of one script run. */
export type ScriptStreams = Readonly<{ stdout: string; stderr: string }>;

/** What {@link redactStreams} returns: the same list, redacted, and what was removed. */
export type Redacted = Readonly<{ streams: ScriptStreams[]; redactions: RedactionCount[] }>;

type Rule = RedactionKind | 'ip' | 'usb-instance' | 'proxy' | 'printer-host';

/** Properties redacted wherever they appear (names as the scripts select them). */
const BY_PROPERTY: Readonly<Record<string, Rule>> = {
  UUID: 'uuid',
  InterfaceGuid: 'uuid',
  Guid: 'uuid',
  SerialNumber: 'serial',
  BoardSerial: 'serial',
  BiosSerial: 'serial',
  MacAddress: 'mac',
  LinkLayerAddress: 'mac',
  PermanentAddress: 'mac',
  IPAddress: 'ip',
  NextHop: 'ip',
  ServerAddresses: 'ip',
  PrinterHostAddress: 'printer-host',
  ProxyServer: 'proxy',
  ProxyOverride: 'proxy',
  AutoConfigURL: 'proxy',
  Ssid: 'ssid',
  Bssid: 'bssid',
  UserName: 'user',
  Owner: 'user',
  RegisteredOwner: 'user',
  DocumentName: 'document',
  CSName: 'host',
  ComputerName: 'host',
  PSComputerName: 'host',
  DNSHostName: 'host',
  MachineName: 'host',
  InstanceId: 'usb-instance',
};

/** Values the text pass must not touch: versions look like IPv4 (`10.0.19045.1`, `24.1.0.3`). */
const NO_TEXT_PASS = new Set([
  'DisplayVersion',
  'Version',
  'DriverVersion',
  'BuildNumber',
  'PSVersion',
  'DerHex',
]);

/** Folder names under C:\Users that are not a person. */
const NOT_A_USER = new Set(['public', 'default', 'default user', 'all users', 'defaultapppool']);

/** Redacts every script's streams of one capture with one pseudonym table. */
export function redactStreams(
  scripts: readonly ScriptStreams[],
  seeds: readonly RedactionSeed[] = [],
): Redacted {
  const names = new Pseudonyms();
  for (const seed of seeds)
    if (seed.value.trim().length >= 2) names.learn(seed.kind, seed.value.trim());
  const pieces = scripts.map((s) => ({
    stdout: splitLines(s.stdout).map((p) => parsePiece(p, names)),
    stderr: s.stderr,
  }));
  const text = new TextPass(names);
  const streams = pieces.map((p) => ({
    stdout: p.stdout
      .map((piece) =>
        piece.kind === 'json' ? asciiJson(text.json(piece.value)) : text.string(piece.text),
      )
      .join(''),
    stderr: text.string(p.stderr),
  }));
  return { streams, redactions: names.report() };
}

type Piece = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

/** Lines and their separators, so line endings survive. */
function splitLines(text: string): string[] {
  return text.split(/(\r?\n)/).filter((p) => p !== '');
}

function parsePiece(line: string, names: Pseudonyms): Piece {
  const trimmed = line.trim();
  if (!/^[[{]/.test(trimmed)) return { kind: 'text', text: line };
  try {
    const value = JSON.parse(trimmed) as unknown;
    return { kind: 'json', value: byProperty(value, names, topSection(value)) };
  } catch {
    return { kind: 'text', text: line };
  }
}

function topSection(value: unknown): string | undefined {
  const section = isRecord(value) ? value['section'] : undefined;
  return typeof section === 'string' ? section : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pass 1: by property name, learning every value it replaces. */
function byProperty(value: unknown, names: Pseudonyms, section: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => byProperty(v, names, section));
  if (!isRecord(value)) return value;
  if (section === 'certs' && Array.isArray(value['My'])) {
    return { ...value, My: value['My'].map((c) => personalCert(c, names)) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const rule = section === 'system' && key === 'Name' ? 'host' : BY_PROPERTY[key];
    out[key] = rule === undefined ? byProperty(v, names, section) : applyRule(rule, v, names);
  }
  return out;
}

/** A personal certificate: issuer and validity stay; subject becomes a stand-in; DER and thumbprint go. */
function personalCert(cert: unknown, names: Pseudonyms): unknown {
  if (!isRecord(cert)) return cert;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(cert)) {
    if (
      key === 'DerHex' ||
      key === 'Der' ||
      key === 'RawData' ||
      key === 'Thumbprint' ||
      key === 'SerialNumber'
    ) {
      if (v !== null && v !== undefined && v !== '') names.note('certificate');
      continue;
    }
    out[key] =
      key === 'Subject' && typeof v === 'string' && v !== '' ? names.replace('certificate', v) : v;
  }
  return out;
}

function applyRule(rule: Rule, value: unknown, names: Pseudonyms): unknown {
  if (Array.isArray(value)) return value.map((v) => applyRule(rule, v, names));
  if (typeof value !== 'string' || value.trim() === '') return value;
  switch (rule) {
    case 'ip':
      return ip(value, names);
    case 'printer-host':
      return ipLike(value) ? ip(value, names) : names.replace('host', value);
    case 'usb-instance':
      return usbInstance(value, names);
    case 'proxy':
      return value.replace(DOMAIN, (d) => (ipLike(d) ? d : names.replace('domain', d)));
    case 'mac':
    case 'bssid':
      return harmlessMac(value) ? value : names.replace(rule, value);
    case 'serial':
      return PLACEHOLDER_SERIAL.test(value.trim()) ? value : names.replace('serial', value);
    default:
      return names.replace(rule, value);
  }
}

function ipLike(text: string): boolean {
  return IPV4_ONLY.test(text) || isIPv6(text.replace(/%\d+$/, ''));
}

/** One address (maybe with `/prefix` or `%zone`): loopback and friends stay, the rest get stand-ins. */
function ip(value: string, names: Pseudonyms): string {
  const match = /^([^/%]+)([/%].*)?$/.exec(value.trim());
  const address = match?.[1] ?? value;
  const tail = match?.[2] ?? '';
  if (IPV4_ONLY.test(address))
    return isHarmlessIpv4(address) ? value : names.replace('ipv4', address) + tail;
  if (isIPv6(address)) return harmlessIpv6(address) ? value : names.replace('ipv6', address) + tail;
  return value;
}

function harmlessIpv6(address: string): boolean {
  const a = address.toLowerCase();
  return a === '::1' || a === '::' || a.startsWith('ff');
}

/** `USB\VID_096E&PID_0603\SERIAL`: the last part is the device's serial when it has no `&`. */
function usbInstance(value: string, names: Pseudonyms): string {
  const parts = value.split('\\');
  const last = parts[2];
  if (parts.length !== 3 || last === undefined || last.includes('&') || last === '') return value;
  return `${parts[0] ?? ''}\\${parts[1] ?? ''}\\${names.replace('serial', last)}`;
}

/** What cheap boards report instead of a serial: identifies nothing, and identity code knows them. */
const PLACEHOLDER_SERIAL =
  /^(default string|to be filled by o\.e\.m\.|system serial number|not specified|none|n\/a|0+|\.+|-+)$/i;

const IPV4_ONLY =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/g;
const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\.\d{1,3}){0,3}(?![\w:])/g;
const MAC =
  /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([-:])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const UUID =
  /\{?\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b\}?/g;
const USER_DIR = /([A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/])([^\\/:*?"<>|\r\n]+)/gi;
const UNC = /(?<![\w\\])\\\\([A-Za-z0-9][\w.-]*)(?=\\)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DOMAIN = /(?<![\w.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w.-])/g;
const DEFAULT_HOST = /\b(?:DESKTOP|LAPTOP|WIN|PC)-[A-Z0-9]{6,}\b/g;

/** Pass 2: learnt values and regexes over free text. */
class TextPass {
  private readonly learnt: RegExp | undefined;
  private readonly kinds = new Map<string, RedactionKind>();

  constructor(private readonly names: Pseudonyms) {
    const values = names.learnt().filter((l) => l.value.length >= (/^\d+$/.test(l.value) ? 6 : 3));
    for (const l of values)
      if (!this.kinds.has(l.value.toLowerCase())) this.kinds.set(l.value.toLowerCase(), l.kind);
    this.learnt =
      values.length === 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{N}_])(?:${values.map((l) => escapeRegExp(l.value)).join('|')})(?![\\p{L}\\p{N}_])`,
            'giu',
          );
  }

  /** Redacts every string of a JSON value (keys stay). */
  json(value: unknown, key?: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.json(v, key));
    if (isRecord(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v, k)]));
    if (typeof value !== 'string') return value;
    return key !== undefined && NO_TEXT_PASS.has(key) ? value : this.string(value);
  }

  /** Redacts one free-text string. */
  string(text: string): string {
    const n = this.names;
    let out =
      this.learnt === undefined
        ? text
        : text.replace(this.learnt, (m) => n.replace(this.kinds.get(m.toLowerCase()) ?? 'host', m));
    out = out.replace(USER_DIR, (all, dir: string, user: string) =>
      NOT_A_USER.has(user.toLowerCase()) || n.isStandIn('user', user)
        ? all
        : dir + n.replace('user', user),
    );
    out = out.replace(UNC, (all, host: string) =>
      ipLike(host) || n.isStandIn('host', host) || host.toLowerCase() === 'localhost'
        ? all
        : `\\\\${n.replace('host', host)}`,
    );
    out = out.replace(EMAIL, (m) => (n.isStandIn('email', m) ? m : n.replace('email', m)));
    out = out.replace(MAC, (m) =>
      harmlessMac(m) || n.isStandIn('mac', m) || n.isStandIn('bssid', m) ? m : n.replace('mac', m),
    );
    out = out.replace(UUID, (m) => (n.isStandIn('uuid', m) ? m : n.replace('uuid', m)));
    out = out.replace(IPV4, (m) =>
      isHarmlessIpv4(m) || n.isStandIn('ipv4', m) ? m : n.replace('ipv4', m),
    );
    out = out.replace(IPV6_CANDIDATE, (m) =>
      !isIPv6(m) || harmlessIpv6(m) || n.isStandIn('ipv6', m) ? m : n.replace('ipv6', m),
    );
    return out.replace(DEFAULT_HOST, (m) => (n.isStandIn('host', m) ? m : n.replace('host', m)));
  }
}

/** Broadcast, multicast and all-zero MACs (ARP tables list them) identify nothing. */
function harmlessMac(mac: string): boolean {
  const first = parseInt(mac.slice(0, 2), 16);
  return (first & 1) === 1 || /^0{2}([-:]0{2}){5}$/.test(mac);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * JSON with every non-ASCII character escaped as `\uXXXX`, as `xasoJson` prints it, and 5.1's
 * dates written back with their escaped solidus (`"\/Date(ms)\/"`), so a redacted line keeps
 * the dialect it came in.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/"\/Date\((-?\d+(?:[+-]\d{4})?)\)\/"/g, '"\\/Date($1)\\/"');
}
