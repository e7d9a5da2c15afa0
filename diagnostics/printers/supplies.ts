/**
 * Consumables from IPP: the PWG 5100.13 `printer-supply` octet strings
 * (`type=toner;maxcapacity=100;level=75;colorantname=black;…`) with `printer-supply-description`,
 * or the older CUPS `marker-names`/`marker-levels`/`marker-types`.
 */
import type { IppValue } from './ipp/codec.js';
import type { Supply } from './types.js';

function fields(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of text.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) map.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return map;
}

function percent(level: number, max: number): number {
  if (level < 0) return -1;
  return max > 0 ? Math.round((level / max) * 100) : level;
}

/** Supplies from a printer's attributes (either form); empty when none is reported. */
export function parseSupplies(attributes: Readonly<Record<string, readonly IppValue[]>>): Supply[] {
  const supply = attributes['printer-supply'] ?? [];
  const descriptions = attributes['printer-supply-description'] ?? [];
  if (supply.length > 0) {
    return supply.map((value, index) => {
      const f = fields(String(value));
      const color = f.get('colorantname');
      return {
        name: String(descriptions[index] ?? f.get('type') ?? `supply ${index + 1}`),
        type: f.get('type') ?? 'unknown',
        levelPercent: percent(Number(f.get('level') ?? -1), Number(f.get('maxcapacity') ?? 100)),
        ...(color === undefined || color === 'unknown' ? {} : { color }),
      };
    });
  }
  const names = attributes['marker-names'] ?? [];
  const levels = attributes['marker-levels'] ?? [];
  const types = attributes['marker-types'] ?? [];
  return names.map((name, index) => ({
    name: String(name),
    type: String(types[index] ?? 'unknown'),
    levelPercent: Number(levels[index] ?? -1),
  }));
}
