import { createHash } from 'node:crypto';

/** Hardware facts that identify a machine across OS reinstalls. */
export type HardwareFacts = Readonly<{
  systemUuid?: string;
  boardSerial?: string;
  systemSerial?: string;
  /** MAC addresses of physical network adapters (not virtual, not USB dongles when known). */
  macs?: readonly string[];
}>;

// Values vendors leave in unset fields: they identify nothing.
const JUNK =
  /^(?:0+|f+|none|null|n\/?a|default string|to be filled by o\.?e\.?m\.?|system serial number|not (?:specified|applicable)|0123456789|base board serial number|chassis serial number)$/i;

/** A fact kept only when it identifies something (trimmed, not a vendor placeholder). */
export function meaningful(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  const bare = text.replace(/[-:\s]/g, '');
  return JUNK.test(text) || JUNK.test(bare) ? undefined : text;
}

/**
 * The fingerprint: SHA-256 (first 16 hex chars) of the firmware ids (system UUID, board and
 * system serials) when any exists, else of the sorted physical MACs. Returns the facts used.
 */
export function fingerprintOf(
  facts: HardwareFacts,
): { fingerprint: string; sources: string[] } | undefined {
  const firmware: [string, string | undefined][] = [
    ['systemUuid', meaningful(facts.systemUuid)?.toLowerCase()],
    ['boardSerial', meaningful(facts.boardSerial)],
    ['systemSerial', meaningful(facts.systemSerial)],
  ];
  const present = firmware.filter((entry): entry is [string, string] => entry[1] !== undefined);
  const macs = [
    ...new Set((facts.macs ?? []).map(normalizeMac).filter((m) => m !== undefined)),
  ].sort();
  const parts =
    present.length > 0 ? present.map(([k, v]) => `${k}=${v}`) : macs.map((m) => `mac=${m}`);
  if (parts.length === 0) return undefined;
  const fingerprint = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
  return { fingerprint, sources: present.length > 0 ? present.map(([k]) => k) : ['macs'] };
}

function normalizeMac(mac: string): string | undefined {
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex) || /^f+$/.test(hex)) return undefined;
  return hex.match(/../g)!.join(':');
}
