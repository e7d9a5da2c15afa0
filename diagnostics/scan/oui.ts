/**
 * MAC address → vendor, from the trimmed IEEE MA-L table shipped in `diagnostics/data/oui.json`
 * (source named in the file).
 */
import table from '../data/oui.json' with { type: 'json' };

/** What kind of devices a vendor mostly makes (drives the device type guess). */
export type VendorKind = 'printer' | 'router' | 'camera' | 'pc' | 'pc-or-printer' | 'other';

/** A vendor found for a MAC. */
export type Vendor = Readonly<{ name: string; kind: VendorKind }>;

const prefixes = table.prefixes as Readonly<Record<string, string>>;
const kinds = table.vendors as Readonly<Record<string, VendorKind>>;

/** The vendor of `mac` (any of `aa:bb:cc…`, `AA-BB-CC…`), or undefined when not in the table. */
export function vendorOf(mac: string): Vendor | undefined {
  const hex = mac.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (hex.length < 6) return undefined;
  const name = prefixes[hex.slice(0, 6)];
  if (name === undefined) return undefined;
  return { name, kind: kinds[name] ?? 'other' };
}
