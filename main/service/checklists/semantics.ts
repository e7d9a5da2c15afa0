/**
 * Checks a schema-valid checklist for mistakes zod cannot see: duplicate step ids, conditions
 * that point at later or unknown steps, answer values a question cannot give, unknown facts,
 * and probe ids the diagnostics registry does not know (a warning, not an error: the step then
 * falls back to a question the intern answers by hand).
 */
import type { LocalText } from '../define.js';
import type { Checklist, Condition, Match, Step } from './schema.js';

/** Facts the service measures itself (see `measuredFacts`). */
export const MEASURED_FACTS = ['platform', 'arch', 'bits'] as const;

/** One finding, located by its path in the file. */
export type Finding = Readonly<{ path: (string | number)[]; message: LocalText }>;

type Seen = Readonly<{ steps: Map<string, Step>; facts: Set<string> }>;

function allowedValues(step: Step): readonly string[] | undefined {
  if (step.kind !== 'question') return undefined;
  if (step.input.type === 'yes-no') return ['yes', 'no'];
  if (step.input.type === 'choice') return step.input.options.map((option) => option.value);
  return undefined;
}

function checkValues(values: readonly string[], step: Step, path: Finding['path'], out: Finding[]): void {
  const allowed = allowedValues(step);
  if (allowed === undefined) return;
  for (const value of values) {
    if (!allowed.includes(value)) {
      out.push({
        path,
        message: {
          vi: `bước "${step.id}" không có câu trả lời "${value}" (có: ${allowed.join(', ')})`,
          en: `step "${step.id}" has no answer "${value}" (allowed: ${allowed.join(', ')})`,
        },
      });
    }
  }
}

function matchValues(c: Match): string[] {
  return [...(c.equals === undefined ? [] : [c.equals]), ...(c.in ?? []), ...(c.notIn ?? [])];
}

function checkCondition(cond: Condition, path: Finding['path'], seen: Seen, out: Finding[]): void {
  if ('all' in cond) cond.all.forEach((c, i) => checkCondition(c, [...path, 'all', i], seen, out));
  else if ('any' in cond) cond.any.forEach((c, i) => checkCondition(c, [...path, 'any', i], seen, out));
  else if ('not' in cond) checkCondition(cond.not, [...path, 'not'], seen, out);
  else if ('fact' in cond) {
    if (!seen.facts.has(cond.fact)) {
      out.push({
        path: [...path, 'fact'],
        message: {
          vi: `dữ kiện "${cond.fact}" chưa được đo hay hỏi ở bước nào trước đó`,
          en: `fact "${cond.fact}" is not measured or asked by any earlier step`,
        },
      });
    }
  } else {
    const ref = 'answer' in cond ? cond.answer : cond.outcome;
    const step = seen.steps.get(ref);
    if (step === undefined) {
      out.push({
        path: [...path, 'answer' in cond ? 'answer' : 'outcome'],
        message: {
          vi: `điều kiện nhắc tới bước "${ref}" không có ở phía trước`,
          en: `condition refers to step "${ref}", which is not an earlier step`,
        },
      });
    } else if ('answer' in cond) {
      checkValues(matchValues(cond), step, path, out);
    }
  }
}

function checkStep(step: Step, index: number, seen: Seen, probeIds: ReadonlySet<string> | undefined, out: Finding[], warnings: Finding[]): void {
  const path = ['steps', index];
  if (seen.steps.has(step.id)) {
    out.push({ path: [...path, 'id'], message: { vi: `trùng mã bước "${step.id}"`, en: `duplicate step id "${step.id}"` } });
  }
  if (step.when !== undefined) checkCondition(step.when, [...path, 'when'], seen, out);
  if (step.onFail?.require.includes('action') === true && step.onFail.action === undefined) {
    out.push({
      path: [...path, 'onFail'],
      message: { vi: 'yêu cầu "action" nhưng thiếu mô tả "action"', en: 'requires "action" but has no "action" text' },
    });
  }
  if (step.kind === 'question' && step.failing?.values !== undefined) {
    checkValues(step.failing.values, step, [...path, 'failing', 'values'], out);
  }
  if (step.kind === 'question' && step.fact !== undefined) seen.facts.add(step.fact);
  if (step.kind === 'check') {
    for (const fact of Object.keys(step.facts ?? {})) seen.facts.add(fact);
    if (probeIds !== undefined && !probeIds.has(step.probe)) {
      warnings.push({
        path: [...path, 'probe'],
        message: {
          vi: `chưa có phép đo "${step.probe}" trong bộ chẩn đoán: bước này sẽ được hỏi và xác nhận bằng tay`,
          en: `no probe "${step.probe}" in the diagnostics registry: this step will be confirmed by hand`,
        },
      });
    }
  }
  seen.steps.set(step.id, step);
}

/** `privateAnswer.unlessAnswer` must name a yes-no question of the same checklist. */
function checkPrivate(step: Step, index: number, steps: ReadonlyMap<string, Step>, out: Finding[]): void {
  if (step.kind !== 'question' || step.privateAnswer === undefined) return;
  const ref = steps.get(step.privateAnswer.unlessAnswer);
  if (ref?.kind === 'question' && ref.input.type === 'yes-no') return;
  out.push({
    path: ['steps', index, 'privateAnswer', 'unlessAnswer'],
    message: {
      vi: `"${step.privateAnswer.unlessAnswer}" phải là một câu hỏi có/không trong danh mục này`,
      en: `"${step.privateAnswer.unlessAnswer}" must be a yes-no question of this checklist`,
    },
  });
}

/** Errors (the file is refused) and warnings (shown, file accepted) of one checklist. */
export function checkSemantics(
  checklist: Checklist,
  probeIds: ReadonlySet<string> | undefined,
): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const seen: Seen = { steps: new Map(), facts: new Set(MEASURED_FACTS) };
  checklist.steps.forEach((step, index) => checkStep(step, index, seen, probeIds, errors, warnings));
  checklist.steps.forEach((step, index) => checkPrivate(step, index, seen.steps, errors));
  // `counts.when` is read at the end of the run: any step and fact of the checklist may appear.
  if (checklist.counts?.when !== undefined) checkCondition(checklist.counts.when, ['counts', 'when'], seen, errors);
  return { errors, warnings };
}
