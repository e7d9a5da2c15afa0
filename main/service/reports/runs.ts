/**
 * A checklist run as a report tells it: what was done and verified (steps passed, answered,
 * failed or overridden with their reason and evidence), with the steps skipped or not reached
 * only counted, never listed one by one.
 */
import type { Lang } from '../define.js';
import { OUTCOME_TERMS, RUN_STATUS_TERMS, formatDate } from '../vocabulary.js';
import type { Visit } from '../visits/schema.js';

type Run = Visit['checklists'][number];
type Outcome = Run['steps'][number]['outcome'];

/** One step that was done. */
export type DoneStep = Readonly<{
  title: string;
  outcome: string;
  /** Answer, note or override reason, joined. */
  note: string;
  evidence: readonly string[];
}>;

/** A checklist run, summarised. */
export type RunSummary = Readonly<{
  title: string;
  status: string;
  /** Local date and time it started and finished ("20/11/2026 15:30"). */
  started: string;
  finished: string;
  machine: string;
  done: readonly DoneStep[];
  /** "2 bước đạt, 1 bước bỏ qua có lý do; 3 bước bỏ qua" — every outcome, counted. */
  counts: string;
  signOff?: Readonly<{ name: string; position: string; signedAt: string; signaturePng: string }>;
  evidence: readonly Readonly<{ name: string; dataUrl: string }>[];
}>;

const DONE: readonly Outcome[] = ['passed', 'answered', 'failed', 'overridden'];
const ALL: readonly Outcome[] = [...DONE, 'skipped', 'pending'];

/**
 * An ISO time as the office reads it: Viet Nam time (UTC+7, no daylight saving), `dd/mm/yyyy
 * hh:mm`. Anything that is not a time comes back as is.
 */
export function localDateTime(iso: string | undefined, lang: Lang): string {
  if (iso === undefined || iso === '') return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10), lang)} ${local.slice(11, 16)}`;
}

function countsLine(run: Run, lang: Lang): string {
  const parts = ALL.flatMap((outcome) => {
    const n = run.steps.filter((s) => s.outcome === outcome).length;
    if (n === 0) return [];
    const word = OUTCOME_TERMS[outcome][lang].toLocaleLowerCase(lang);
    return [lang === 'vi' ? `${n} bước ${word}` : `${n} ${n === 1 ? 'step' : 'steps'} ${word}`];
  });
  return parts.join(', ');
}

/** Summarises a run; `hostOf` maps machine fingerprints to hostnames. */
export function summariseRun(
  run: Run,
  lang: Lang,
  hostOf: ReadonlyMap<string, string>,
): RunSummary {
  const done = run.steps
    .filter((s) => DONE.includes(s.outcome))
    .map((s) => ({
      title: s.title[lang],
      outcome: OUTCOME_TERMS[s.outcome][lang],
      note: [s.answer, s.note, s.overrideReason].filter(Boolean).join(' — '),
      evidence: (s.evidence ?? []).map((e) => e.name),
    }));
  return {
    title: run.title[lang],
    status: RUN_STATUS_TERMS[run.status][lang],
    started: localDateTime(run.startedAt, lang),
    finished: localDateTime(run.finishedAt, lang),
    machine: run.machineFingerprint === undefined ? '' : (hostOf.get(run.machineFingerprint) ?? ''),
    done,
    counts: countsLine(run, lang),
    ...(run.signOff === undefined
      ? {}
      : {
          signOff: {
            name: run.signOff.name,
            position: run.signOff.position,
            signedAt: localDateTime(run.signOff.signedAt, lang),
            signaturePng: run.signOff.signaturePng,
          },
        }),
    evidence: run.steps.flatMap((s) => s.evidence ?? []),
  };
}
