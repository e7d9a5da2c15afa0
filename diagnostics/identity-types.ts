/** The hardware facts the identity readers return (shared by identity.ts and its per-OS readers). */
import type { HardwareFacts } from './identity-fingerprint.js';

/** Fingerprint sources plus make, model and (Windows) hostname. */
export type IdentityFacts = HardwareFacts &
  Readonly<{ manufacturer?: string; model?: string; hostname?: string }>;

/** Drops the undefined fields. */
export function prune(value: Record<string, unknown>): IdentityFacts {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as IdentityFacts;
}
