/**
 * The one rule for consumables, used by the printer check and by the supervisor's inbox: toner or
 * ink at 10 % or less is low (a warning), at 0 % empty (a failure), from the levels the printer
 * reports, whatever its state reasons say. Waste containers (`wasteToner`, `wasteInk`…) are
 * receptacles, not supplies: their level is the room left (RFC 3805 prtMarkerSuppliesLevel), so
 * they are never "low".
 */
import { fault } from './faults.js';
import type { PrinterFault, Supply } from './types.js';

/** At or below this percentage a consumable is low. */
export const LOW_SUPPLY_PERCENT = 10;

/** What a level means. */
export type SupplyLevel = 'ok' | 'low' | 'empty' | 'unknown';

/** True for a receptacle that fills up (waste toner/ink/water/paper) rather than a consumable. */
export function isWasteContainer(supply: Readonly<{ type?: unknown; name?: unknown }>): boolean {
  return /^waste/i.test(String(supply.type ?? '')) || /waste|thải/i.test(String(supply.name ?? ''));
}

/** True for what puts marks on paper: toner, ink, ribbons, by the PWG/RFC 3805 type or the name. */
export function isMarkerSupply(supply: Readonly<{ type?: unknown; name?: unknown }>): boolean {
  if (isWasteContainer(supply)) return false;
  const type = String(supply.type ?? '');
  if (/^(toner|tonerCartridge|ink|inkCartridge|inkRibbon|ribbonWax|solidWax)$/i.test(type))
    return true;
  return /^(unknown|other|)$/i.test(type) && /toner|ink|mực/i.test(String(supply.name ?? ''));
}

/**
 * The level of a supply as the rule reads it: `unknown` when the printer gives no figure (negative
 * levels are RFC 3805's "unknown"/"some remaining") or when it is not a marker supply.
 */
export function supplyLevel(
  supply: Readonly<{ type?: unknown; name?: unknown; levelPercent?: unknown }>,
): SupplyLevel {
  const level = supply.levelPercent;
  if (!isMarkerSupply(supply) || typeof level !== 'number' || level < 0) return 'unknown';
  if (level === 0) return 'empty';
  return level <= LOW_SUPPLY_PERCENT ? 'low' : 'ok';
}

/** Splits what a printer reports into consumables and waste containers. */
export function splitSupplies(all: readonly Supply[]): { supplies: Supply[]; waste: Supply[] } {
  return { supplies: all.filter((s) => !isWasteContainer(s)), waste: all.filter(isWasteContainer) };
}

/** The fault the levels call for: `toner-empty`, `toner-low`, or none. */
export function levelFault(supplies: readonly Supply[]): 'toner-empty' | 'toner-low' | undefined {
  const levels = supplies.map(supplyLevel);
  if (levels.includes('empty')) return 'toner-empty';
  return levels.includes('low') ? 'toner-low' : undefined;
}

/**
 * `faults` with what the levels say added: an empty toner/ink is `toner-empty` even when the
 * printer's reasons say only "low" or nothing, and `toner-low` is dropped when empty is there.
 */
export function withLevelFaults(
  faults: readonly PrinterFault[],
  supplies: readonly Supply[],
): PrinterFault[] {
  const byLevel = levelFault(supplies);
  const codes = new Set(faults.map((f) => f.code));
  const all =
    byLevel === undefined || codes.has(byLevel) ? [...faults] : [...faults, fault(byLevel)];
  return all.some((f) => f.code === 'toner-empty')
    ? all.filter((f) => f.code !== 'toner-low')
    : all;
}
