/**
 * The visit file, as a versioned zod schema. Own fields are strict (a typo is an error); records
 * produced by other domains (machine snapshots, checklist runs, LAN scans) are loose, so fields
 * they add later survive a save and an export unchanged (lossless).
 *
 * This file must not import Node modules: the renderer imports its types.
 */
import { z } from 'zod';

/** Current version of the visit schema. Older versions are migrated on read (`migrations.ts`). */
export const VISIT_SCHEMA_VERSION = 2;

const text = (max: number) => z.string().max(max);

/** True for a real calendar date `YYYY-MM-DD` (2026-02-30 and 2026-13-45 are not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'not a calendar date (YYYY-MM-DD)' });

/**
 * What a person was helped with, for the supervisor's programme indicators. The ids are fixed
 * (checklists declare them in `counts.category`; the inbox counts them); labels live in the one
 * vocabulary.
 */
export const HELPED_CATEGORIES = [
  'vneid-level2',
  'public-service-dossier',
  'personal-signature',
  'officials-trained',
  'business',
  'other',
] as const;
export type HelpedCategory = (typeof HELPED_CATEGORIES)[number];
const localText = z.object({ vi: z.string(), en: z.string() }).loose();
const isoTime = z.string().max(40);

const checkSchema = z
  .object({
    id: z.string(),
    area: z.string(),
    status: z.enum(['ok', 'warn', 'fail', 'unknown']),
    title: localText,
    detail: localText,
    values: z.record(z.string(), z.unknown()).optional(),
    fix: z.object({ text: localText, checklistId: z.string().optional() }).loose().optional(),
    reason: z.string().optional(),
    /** Id of the check whose failure blocks this one (`diagnostics/findings.ts`). */
    blockedBy: z.string().max(200).optional(),
  })
  .loose();

/** A `MachineSnapshot` from `diagnostics/types.ts`, validated loosely. */
export const machineSnapshotSchema = z
  .object({
    schema: z.literal(1),
    takenAt: isoTime,
    durationMs: z.number(),
    platform: z.enum(['win32', 'darwin', 'linux']),
    machine: z
      .object({
        fingerprint: z.string().min(1).max(200),
        hostname: z.string(),
        assetTag: z.string().optional(),
        manufacturer: z.string().optional(),
        model: z.string().optional(),
        serial: z.string().optional(),
      })
      .loose(),
    osName: z.string(),
    checks: z.array(checkSchema).readonly(),
    summary: z
      .object({ ok: z.number(), warn: z.number(), fail: z.number(), unknown: z.number() })
      .loose(),
  })
  .loose();

/** A `ChecklistRunSummary` from `main/service/checklists/summary.ts`, validated loosely. */
export const checklistRunSchema = z
  .object({
    runId: z.string(),
    checklistId: z.string(),
    checklistVersion: z.string(),
    title: localText,
    status: z.enum(['in-progress', 'completed', 'abandoned']),
    startedAt: isoTime,
    finishedAt: isoTime.optional(),
    machineFingerprint: z.string().optional(),
    steps: z
      .array(
        z
          .object({
            stepId: z.string(),
            title: localText,
            outcome: z.enum(['passed', 'failed', 'overridden', 'answered', 'skipped', 'pending']),
            answer: z.string().optional(),
            note: z.string().optional(),
            overrideReason: z.string().optional(),
            evidence: z
              .array(z.object({ name: z.string(), dataUrl: z.string() }).loose())
              .readonly()
              .optional(),
          })
          .loose(),
      )
      .readonly(),
    signOff: z
      .object({
        name: z.string(),
        position: z.string(),
        signaturePng: z.string(),
        signedAt: isoTime,
      })
      .loose()
      .optional(),
  })
  .loose();

/** A `ScanResult` from `diagnostics/scan/types.ts` (a LAN scan), validated loosely. */
export const lanScanSchema = z
  .object({
    schema: z.literal(1),
    ranges: z.array(z.string()).readonly(),
    startedAt: isoTime,
    durationMs: z.number(),
    addressesScanned: z.number(),
    hosts: z
      .array(
        z
          .object({
            ip: z.string(),
            mac: z.string().optional(),
            vendor: z.string().optional(),
            hostname: z.string().optional(),
            openPorts: z.array(z.number()).readonly(),
            deviceType: z.string(),
          })
          .loose(),
      )
      .readonly(),
    cancelled: z.boolean(),
  })
  .loose();

/** What changed on a machine since it was last seen on an earlier visit. */
export const machineChangesSchema = z
  .object({
    previousVisitId: z.string(),
    previousVisitDate: z.string(),
    previousTakenAt: isoTime,
    hostname: z.object({ before: z.string(), after: z.string() }).strict().optional(),
    osName: z.object({ before: z.string(), after: z.string() }).strict().optional(),
    checks: z.array(
      z
        .object({
          id: z.string(),
          title: localText,
          before: z.enum(['ok', 'warn', 'fail', 'unknown', 'absent']),
          after: z.enum(['ok', 'warn', 'fail', 'unknown', 'absent']),
        })
        .strict(),
    ),
  })
  .strict();

/** One machine diagnosed during the visit. */
export const visitMachineSchema = z
  .object({
    snapshot: machineSnapshotSchema,
    addedAt: isoTime,
    /** The office's own label for the PC (asked once, kept with the hardware fingerprint). */
    assetTag: text(100).optional(),
    /** Who uses it, or the room it stands in. */
    room: text(200).optional(),
    user: text(200).optional(),
    /** Absent when the machine was never seen before. */
    changes: machineChangesSchema.optional(),
  })
  .strict();

const problemKinds = [
  'hardware',
  'os',
  'software',
  'signature',
  'network',
  'printers',
  'other',
] as const;

/** The editable fields of a visit (what `visits:update` may patch). */
export const visitFieldsSchema = z
  .object({
    commune: z.object({ name: text(200).min(1), province: text(200).min(1) }).strict(),
    office: text(300),
    onSite: z
      .object({
        date: calendarDate,
        arrivedAt: z
          .string()
          .regex(/^\d{2}:\d{2}$/)
          .optional(),
        leftAt: z
          .string()
          .regex(/^\d{2}:\d{2}$/)
          .optional(),
      })
      .strict(),
    interns: z
      .array(z.object({ name: text(200).min(1), school: text(200).optional() }).strict())
      .max(20),
    contact: z
      .object({ name: text(200), position: text(200).optional(), phone: text(50).optional() })
      .strict()
      .optional(),
    problems: z.array(
      z
        .object({
          id: text(64),
          kind: z.enum(problemKinds),
          text: text(5000),
          machineFingerprint: text(200).optional(),
        })
        .strict(),
    ),
    fixes: z.array(
      z
        .object({
          id: text(64),
          what: text(5000),
          how: text(5000),
          problemId: text(64).optional(),
          machineFingerprint: text(200).optional(),
        })
        .strict(),
    ),
    openItems: z.array(
      z
        .object({
          id: text(64),
          text: text(5000),
          done: z.boolean(),
          owner: text(200).optional(),
          /** When it should be done (YYYY-MM-DD). */
          due: calendarDate.optional(),
          /** Id of the earlier visit this item was carried over from. */
          carriedFrom: text(64).optional(),
        })
        .strict(),
    ),
    peopleHelped: z.array(
      z
        .object({
          role: z.enum(['official', 'citizen']),
          /** What for (absent in version-1 files: counted as "other"). */
          category: z.enum(HELPED_CATEGORIES).optional(),
          task: text(500),
          count: z.number().int().min(0).max(100_000),
        })
        .strict(),
    ),
    timeSpentMinutes: z.number().int().min(0).max(100_000).optional(),
    photos: z.array(
      z
        .object({
          id: text(64),
          name: text(300),
          caption: text(1000).optional(),
          dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,/),
        })
        .strict(),
    ),
    notes: text(20_000).optional(),
    /** The document's number as the office writes it ("Số: 12/BB-UBND"); blank to fill by hand. */
    documentNumber: text(100).optional(),
    /** The office's representative who signs the minutes. */
    representative: z
      .object({ name: text(200), position: text(200).optional() })
      .strict()
      .optional(),
    /** The office's own assessment of the interns' work (for the end-of-term evaluation). */
    assessment: z
      .object({ text: text(5000), by: text(200).optional(), position: text(200).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** A visit, current version. */
export const visitSchema = visitFieldsSchema
  .extend({
    schema: z.literal('xaso.visit'),
    version: z.literal(VISIT_SCHEMA_VERSION),
    id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
    createdAt: isoTime,
    updatedAt: isoTime,
    /** Increases by one at every save. */
    revision: z.number().int().min(1),
    machines: z.array(visitMachineSchema),
    checklists: z.array(checklistRunSchema),
    scans: z.array(lanScanSchema),
  })
  .strict();

export type Visit = z.output<typeof visitSchema>;
export type VisitFields = z.output<typeof visitFieldsSchema>;
export type VisitMachine = z.output<typeof visitMachineSchema>;
export type MachineChanges = z.output<typeof machineChangesSchema>;
export type ProblemKind = (typeof problemKinds)[number];
export const PROBLEM_KINDS: readonly ProblemKind[] = problemKinds;
