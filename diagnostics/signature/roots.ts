/**
 * The Vietnamese roots, loaded from data (`diagnostics/data/vn-roots.json`): the list changed in
 * Nov 2025 and will change again, so it is never hard-coded in logic.
 */
import data from '../data/vn-roots.json' with { type: 'json' };
import type { ProbeContext, VnRoot } from '../types.js';

/** The default root list and where it came from. */
export const VN_ROOTS: Readonly<{
  source: string;
  checkedOn: string;
  roots: readonly VnRoot[];
  publicCaIssuers: readonly string[];
}> = data as unknown as {
  source: string;
  checkedOn: string;
  roots: VnRoot[];
  publicCaIssuers: string[];
};

/** The roots a probe uses: `settings.vnRoots` when given (tests), else the data file. */
export function rootsOf(ctx: ProbeContext): readonly VnRoot[] {
  return ctx.settings?.vnRoots ?? VN_ROOTS.roots;
}
