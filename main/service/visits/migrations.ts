/**
 * Migrations of the visit file. Each entry upgrades version `n` to `n + 1`; `visitFileSchema`
 * runs them before validating, so every reader (store, report, inbox) sees the current version.
 *
 * Version 1 is the first released version. A file from a newer Xã Số is refused with a clear
 * message rather than guessed at.
 */
import { z } from 'zod';

import { VISIT_SCHEMA_VERSION, visitSchema } from './schema.js';

type Raw = Record<string, unknown>;

/** `migrations[n]` turns a version-`n` visit into version `n + 1`. */
const migrations: Readonly<Record<number, (raw: Raw) => Raw>> = {
  // Version 2 only adds optional fields (blockedBy on checks, machine labels, helped categories,
  // due dates, document number, representative, assessment): the data stays as it is.
  1: (raw) => ({ ...raw, version: 2 }),
};

/** Upgrades a parsed visit object to the current version, or explains why it cannot. */
export function migrateVisit(raw: unknown): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('not a visit object');
  }
  let current = raw as Raw;
  let version = typeof current['version'] === 'number' ? current['version'] : NaN;
  if (!Number.isInteger(version) || version < 1) throw new Error('missing or bad "version"');
  if (version > VISIT_SCHEMA_VERSION) {
    throw new Error(
      `visit version ${version} is newer than this Xã Số understands (${VISIT_SCHEMA_VERSION})`,
    );
  }
  while (version < VISIT_SCHEMA_VERSION) {
    const step = migrations[version];
    if (step === undefined) throw new Error(`no migration from visit version ${version}`);
    current = step(current);
    version += 1;
  }
  return current;
}

/** Schema of a visit file of any supported version: migrates, then validates. */
export const visitFileSchema = z
  .unknown()
  .transform((raw, ctx) => {
    try {
      return migrateVisit(raw);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  })
  .pipe(visitSchema);
