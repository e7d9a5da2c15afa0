/**
 * The checklist file format (schema 1): what a built-in or imported checklist file must contain.
 * Plain zod, no Node imports: the renderer imports the inferred types.
 *
 * A checklist is data: steps (instruction, question, automatic check), conditions that show or
 * skip steps, what a failing answer requires, its sources and the day its facts were checked.
 */
import { z } from 'zod';

/** Text shown to people: Vietnamese first, English second; both required. */
export const localTextSchema = z
  .object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) })
  .strict();

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase id (a-z 0-9 . _ -)');

/** `1`, `1.2` or `1.2.3`: compared number by number. */
export const versionSchema = z.string().regex(/^\d+(\.\d+){0,2}$/, 'version like 1.2.0');

/** How a condition compares a value. */
export type Match = Readonly<{
  equals?: string | undefined;
  in?: readonly string[] | undefined;
  notIn?: readonly string[] | undefined;
}>;

/** What the intern measured or answered, used by conditions. */
export type Condition =
  | Readonly<{ answer: string } & Match>
  | Readonly<{ fact: string } & Match>
  | Readonly<{ outcome: string; in: readonly ('passed' | 'failed' | 'overridden')[] }>
  | Readonly<{ all: readonly Condition[] }>
  | Readonly<{ any: readonly Condition[] }>
  | Readonly<{ not: Condition }>;

const matchFields = {
  equals: z.string().optional(),
  in: z.array(z.string()).min(1).optional(),
  notIn: z.array(z.string()).min(1).optional(),
};

/** A condition: on an earlier answer, a measured fact, a check's outcome, or a combination. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ answer: idSchema, ...matchFields }).strict(),
    z.object({ fact: idSchema, ...matchFields }).strict(),
    z
      .object({ outcome: idSchema, in: z.array(z.enum(['passed', 'failed', 'overridden'])).min(1) })
      .strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** What a failing answer (or a failed/overridden check) must come with. */
export const onFailSchema = z
  .object({
    require: z.array(z.enum(['note', 'photo', 'action'])).default([]),
    /** The follow-up action to plan, shown when `action` is required. */
    action: localTextSchema.optional(),
    /** What to do now (shown under a failing answer). */
    fix: localTextSchema.optional(),
  })
  .strict();

const choiceOptionSchema = z.object({ value: idSchema, label: localTextSchema }).strict();

/** A SHA-256 fingerprint: 64 lower-case hex digits. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits');

/** The kinds of answers a question takes. */
export const inputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('yes-no') }).strict(),
  z.object({ type: z.literal('choice'), options: z.array(choiceOptionSchema).min(2) }).strict(),
  z
    .object({
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: localTextSchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('text'), multiline: z.boolean().default(false) }).strict(),
  z
    .object({
      /**
       * The SHA-256 of a file the intern picks (the app computes it; never uploaded): a
       * downloaded root certificate is checked before anyone installs it. The answer fails
       * unless it is one of `expect`.
       */
      type: z.literal('file-sha256'),
      expect: z.array(sha256Schema).min(1),
      /**
       * Also accept the roots of this kind from the root list in use (the data folder's
       * `vn-roots.json` and the province pack over the built-in list), added when a run starts.
       */
      roots: z.enum(['public', 'official-duty']).optional(),
    })
    .strict(),
]);

/** Answers that count as failing: listed values, or numbers outside a range. */
export const failingSchema = z
  .object({
    values: z.array(z.string()).min(1).optional(),
    below: z.number().optional(),
    above: z.number().optional(),
  })
  .strict();

const imageSchema = z
  .object({
    /** A data URL, or a path relative to the checklist file (built-ins). */
    src: z.string().min(1),
    alt: localTextSchema,
  })
  .strict();

const stepBase = {
  id: idSchema,
  title: localTextSchema,
  body: localTextSchema.optional(),
  images: z.array(imageSchema).optional(),
  /** Shown only when true; a hidden step counts as skipped. */
  when: conditionSchema.optional(),
  /** The step rests on an unconfirmed fact: the text says so, and the UI marks it. */
  unconfirmed: localTextSchema.optional(),
  onFail: onFailSchema.optional(),
};

/** What a check step expects from its probe. */
export const passRuleSchema = z
  .object({
    /** Id of the check in the probe's results; `*` matches any run of characters. */
    checkId: z.string().min(1),
    status: z.array(z.enum(['ok', 'warn', 'fail', 'unknown'])).min(1),
    /**
     * With a `*` id several checks may match: `all` (default) passes when every one has an
     * expected status, `any` when at least one has. No matching check never passes.
     */
    match: z.enum(['all', 'any']).default('all'),
  })
  .strict();

/** One step of a checklist. */
export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('instruction'), ...stepBase }).strict(),
  z
    .object({
      kind: z.literal('question'),
      ...stepBase,
      input: inputSchema,
      failing: failingSchema.optional(),
      /** The answer also becomes this fact (e.g. `ca`), for later conditions. */
      fact: idSchema.optional(),
      /**
       * A citizen's data (e.g. a dossier code): kept in the run on this PC, but left out of what
       * the visit and the supervisor's export carry unless the yes-no question `unlessAnswer`
       * was answered "yes" (the intern, with the citizen's consent, chose to share it).
       */
      privateAnswer: z.object({ unlessAnswer: idSchema }).strict().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('check'),
      ...stepBase,
      probe: z.string().min(1),
      pass: passRuleSchema,
      /**
       * Facts to read from the matched check (fact name → a `values` key, or `@match`: the part of
       * the check id matched by the first `*`).
       */
      facts: z.record(idSchema, z.string()).optional(),
      fix: localTextSchema,
    })
    .strict(),
]);

/** Where a checklist's facts come from. */
export const sourceSchema = z
  .object({ label: z.string().min(1), url: z.string().min(1), note: z.string().optional() })
  .strict();

/**
 * What a completed run counts for in the supervisor's indicators. The ids are fixed: the
 * visits, reports and supervisor code count them by these exact words.
 */
export const COUNT_CATEGORIES = [
  'vneid-level2',
  'public-service-dossier',
  'personal-signature',
  'officials-trained',
  'business',
  'other',
] as const;

/** Who the counted work was for. */
export const COUNT_ROLES = ['official', 'citizen'] as const;

/** `counts` of a checklist: the indicator a completed run adds one to. */
export const countsSchema = z
  .object({
    category: z.enum(COUNT_CATEGORIES),
    role: z.enum(COUNT_ROLES),
    /** Counted only when this holds at the end (e.g. the level-2 question answered "yes"). */
    when: conditionSchema.optional(),
  })
  .strict();

/** The task families the Checklists place groups by. */
export const TASKS = ['signature', 'vneid', 'printer', 'typing', 'security', 'handover', 'other'] as const;

/** A whole checklist file (schema 1). */
export const checklistSchema = z
  .object({
    schema: z.literal(1),
    id: idSchema,
    version: versionSchema,
    task: z.enum(TASKS),
    title: localTextSchema,
    summary: localTextSchema,
    /** ISO date (YYYY-MM-DD) on which the facts were last checked against the sources. */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD'),
    sources: z.array(sourceSchema).min(1),
    /** Facts this checklist relies on that no primary source confirmed. */
    unconfirmed: z.array(localTextSchema).default([]),
    keywords: z.array(z.string()).default([]),
    /** Other ids that open this checklist (e.g. the `fix.checklistId` a diagnostics check names). */
    aliases: z.array(idSchema).default([]),
    signOff: z.enum(['required', 'optional', 'none']).default('optional'),
    /** What a completed run counts for in the supervisor's indicators (optional). */
    counts: countsSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

/** A validated checklist (defaults applied). */
export type Checklist = z.output<typeof checklistSchema>;
/** One step of any kind. */
export type Step = z.output<typeof stepSchema>;
/** A question step. */
export type QuestionStep = Extract<Step, { kind: 'question' }>;
/** An automatic check step. */
export type CheckStep = Extract<Step, { kind: 'check' }>;
/** A task family. */
export type ChecklistTask = (typeof TASKS)[number];
/** What a completed run counts for, as its summary carries it. */
export type ChecklistCounts = Readonly<{
  category: (typeof COUNT_CATEGORIES)[number];
  role: (typeof COUNT_ROLES)[number];
}>;
/** What a failing answer may require. */
export type Evidence = 'note' | 'photo' | 'action';

/** Compares two versions number by number: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
