/**
 * Linux Wi-Fi link facts from `iw dev <if> link` (run with LC_ALL=C; iw's output is not
 * translated): SSID, BSSID, frequency → band and channel, signal, bitrates. `iw` missing or
 * failing only loses these extras; the signal level from `/proc/net/wireless` stays.
 */
import type { ProbeContext } from '../types.js';
import type { WifiInfo } from './types.js';
import { bandFromFrequency, signalLevel } from './wifi-signal.js';

/** iw escapes non-printable SSID bytes as `\xNN`: turn them back into UTF-8 text. */
function unescapeSsid(raw: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = /^\\x([0-9a-fA-F]{2})/.exec(raw.slice(i));
    if (hex?.[1] !== undefined) {
      bytes.push(parseInt(hex[1], 16));
      i += 3;
    } else bytes.push(...Buffer.from(raw[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const field = (text: string, name: string): string | undefined =>
  new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];

/** Parses `iw dev <if> link`; `undefined` for "Not connected." or unknown text. */
export function parseIwLink(text: string): WifiInfo | undefined {
  const bssid = /^Connected to ([0-9a-f:]{17})/im.exec(text)?.[1]?.toLowerCase();
  if (bssid === undefined) return undefined;
  const ssid = field(text, 'SSID');
  const freq = Number.parseFloat(field(text, 'freq') ?? '');
  const dbm = Number.parseInt(field(text, 'signal') ?? '', 10);
  const rx = Number.parseFloat(field(text, 'rx bitrate') ?? '');
  const tx = Number.parseFloat(field(text, 'tx bitrate') ?? '');
  const { band, channel } = Number.isFinite(freq) ? bandFromFrequency(Math.round(freq)) : {};
  const level = Number.isFinite(dbm) ? signalLevel({ signalDbm: dbm }) : undefined;
  return {
    ...(Number.isFinite(dbm) ? { signalDbm: dbm } : {}),
    ...(level === undefined ? {} : { level }),
    ...(ssid === undefined ? {} : { ssid: unescapeSsid(ssid) }),
    bssid,
    ...(band === undefined ? {} : { band }),
    ...(channel === undefined ? {} : { channel }),
    ...(Number.isFinite(freq) ? { frequencyMhz: Math.round(freq) } : {}),
    ...(Number.isFinite(rx) ? { rxMbps: rx } : {}),
    ...(Number.isFinite(tx) ? { txMbps: tx } : {}),
  };
}

/** Runs `iw dev <name> link`; `undefined` when iw is missing, fails or says "Not connected". */
export async function readIwLink(
  ctx: ProbeContext,
  name: string,
  signal?: AbortSignal,
): Promise<WifiInfo | undefined> {
  try {
    const out = await ctx.run('iw', ['dev', name, 'link'], {
      timeoutMs: 3000,
      env: { LC_ALL: 'C' },
      ...(signal === undefined ? {} : { signal }),
    });
    return out.exitCode === 0 ? parseIwLink(out.stdout) : undefined;
  } catch {
    return undefined;
  }
}

/** Combines `/proc/net/wireless`'s level with iw's facts (iw's own signal wins when present). */
export function mergeWifi(
  procDbm: number | undefined,
  iw: WifiInfo | undefined,
): WifiInfo | undefined {
  if (procDbm === undefined && iw === undefined) return undefined;
  const dbm = iw?.signalDbm ?? procDbm;
  const level = dbm === undefined ? undefined : signalLevel({ signalDbm: dbm });
  return {
    ...iw,
    ...(dbm === undefined ? {} : { signalDbm: dbm }),
    ...(level === undefined ? {} : { level }),
  };
}
