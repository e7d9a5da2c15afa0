/**
 * The last diagnosis of this window, so that returning to the Diagnose place (after following a
 * fix, or from another place) shows it again instead of an empty page.
 */
import type { MachineSnapshot } from '../../../diagnostics/types';

const memory: { snapshot?: MachineSnapshot } = {};

/** Keeps `snapshot` as the last result. */
export function rememberSnapshot(snapshot: MachineSnapshot): void {
  memory.snapshot = snapshot;
}

/** The last result of this window, if any. */
export function lastSnapshot(): MachineSnapshot | undefined {
  return memory.snapshot;
}
