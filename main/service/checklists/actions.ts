/**
 * What the intern can do to a run, as pure functions returning the next run: answer a step,
 * record an automatic check, override a failed check with a reason, add evidence, sign off.
 * Invalid input throws `ServiceError('invalid-request')` with a Vietnamese and English reason.
 */
import type { CheckResult } from '../../../diagnostics/types.js';
import { ServiceError } from '../errors.js';
import type { CheckStep, Step } from './schema.js';
import type { Run, SignOff, StepState } from './run-model.js';
import { isManual, updateStep } from './engine.js';

function invalid(vi: string, en: string): ServiceError {
  return new ServiceError('invalid-request', { vi, en });
}

/** Turns a raw answer into the stored string, or throws when the question cannot take it. */
export function normaliseAnswer(step: Step, value: string | number | boolean | undefined, manual: boolean): string | undefined {
  if (step.kind === 'instruction') return undefined;
  if (value === undefined) throw invalid('Thiếu câu trả lời.', 'The answer is missing.');
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).trim();
  if (step.kind === 'check' || step.input.type === 'yes-no') {
    if (!manual && step.kind === 'check') throw invalid('Bước này được kiểm tra tự động.', 'This step is checked automatically.');
    if (text !== 'yes' && text !== 'no') throw invalid('Chỉ trả lời "có" hoặc "không".', 'Answer "yes" or "no" only.');
    return text;
  }
  const input = step.input;
  if (input.type === 'choice') {
    if (!input.options.some((o) => o.value === text)) throw invalid(`Không có lựa chọn "${text}".`, `No option "${text}".`);
    return text;
  }
  if (input.type === 'number') {
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) throw invalid('Phải nhập một số.', 'Enter a number.');
    if ((input.min !== undefined && n < input.min) || (input.max !== undefined && n > input.max)) {
      throw invalid(`Số phải trong khoảng ${input.min ?? '…'}–${input.max ?? '…'}.`, `The number must be within ${input.min ?? '…'}–${input.max ?? '…'}.`);
    }
    return String(n);
  }
  if (input.type === 'file-sha256') {
    const hex = text.replace(/[\s:]/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw invalid('Mã SHA-256 phải gồm 64 chữ số hệ 16 (chọn tệp để Xã Số tự tính).', 'A SHA-256 is 64 hex digits (pick the file and Xã Số computes it).');
    }
    return hex;
  }
  if (text === '') throw invalid('Câu trả lời trống.', 'The answer is empty.');
  return text;
}

/** Extra text an action may carry (note, follow-up action). Empty strings clear them. */
export type Extras = Readonly<{ note?: string | undefined; followUp?: string | undefined }>;

function withExtras(state: StepState, extras: Extras): StepState {
  const next: StepState = { ...state };
  if (extras.note !== undefined) next.note = extras.note;
  if (extras.followUp !== undefined) next.followUp = extras.followUp;
  return next;
}

/** Records an answer (or "done" for an instruction) and any note or follow-up. */
export function answerStep(
  run: Run,
  step: Step,
  value: string | number | boolean | undefined,
  extras: Extras,
  probeIds: ReadonlySet<string>,
  now: string,
): Run {
  const answer = normaliseAnswer(step, value, isManual(step, probeIds));
  return updateStep(run, step.id, (old) => {
    const next = withExtras(old, extras);
    if (step.kind === 'instruction') return { ...next, done: true, answeredAt: now };
    return { ...next, answer: answer ?? '', answeredAt: now };
  });
}

function globRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('(.*)')}$`);
}

function globMatch(pattern: string, id: string): boolean {
  return globRegExp(pattern).test(id);
}

function trim(check: CheckResult): NonNullable<StepState['check']>['checks'][number] {
  return {
    id: check.id,
    status: check.status,
    title: check.title,
    detail: check.detail,
    ...(check.reason === undefined ? {} : { reason: check.reason }),
    ...(check.values === undefined ? {} : { values: { ...check.values } }),
  };
}

/**
 * Facts a check step reads from its matched check: a key of its `values`, or `@match` for the
 * part of the check id the first `*` matched (e.g. `vgca` in `signature.pkcs11-modules.vgca`).
 */
function factsFrom(step: CheckStep, matched: CheckResult | undefined): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const [fact, key] of Object.entries(step.facts ?? {})) {
    const value = key === '@match' && matched !== undefined ? globRegExp(step.pass.checkId).exec(matched.id)?.[1] : matched?.values?.[key];
    if (typeof value === 'string' || typeof value === 'number') facts[fact] = String(value);
  }
  return facts;
}

/**
 * Records the result of running the step's probe. Passes only when the checks named by the pass
 * rule are present with expected statuses (all of them, or any with `match: any`); a missing
 * check is a failure that says so.
 */
export function recordCheck(run: Run, step: CheckStep, checks: readonly CheckResult[], now: string): Run {
  const candidates = checks.filter((check) => globMatch(step.pass.checkId, check.id));
  const good = (check: CheckResult): boolean => step.pass.status.includes(check.status);
  const passed = candidates.length > 0 && (step.pass.match === 'any' ? candidates.some(good) : candidates.every(good));
  // Show the check that decided: the first good one on a pass, the first bad one otherwise.
  const matched = (passed ? candidates.find(good) : candidates.find((c) => !good(c))) ?? candidates[0];
  const problem = matched === undefined
    ? {
        vi: `Phép đo "${step.probe}" không cho kết quả "${step.pass.checkId}".`,
        en: `Probe "${step.probe}" gave no "${step.pass.checkId}" result.`,
      }
    : undefined;
  const next = updateStep(run, step.id, (old) => {
    const { overrideReason: _cleared, ...rest } = old;
    return {
      ...(passed ? rest : old),
      check: {
        passed,
        ranAt: now,
        checks: checks.map(trim),
        ...(matched === undefined ? {} : { matched: trim(matched) }),
        ...(problem === undefined ? {} : { problem }),
      },
    };
  });
  return { ...next, facts: { ...next.facts, ...factsFrom(step, matched) } };
}

/** Overrides a failed automatic check. The reason is required and kept with the run. */
export function overrideStep(run: Run, step: Step, reason: string, extras: Extras): Run {
  if (step.kind !== 'check') throw invalid('Chỉ bỏ qua được bước kiểm tra tự động.', 'Only automatic checks can be overridden.');
  const check = run.steps[step.id]?.check;
  if (check === undefined || check.passed) {
    throw invalid('Chỉ bỏ qua được một phép kiểm tra đã chạy và không đạt.', 'Only a check that ran and failed can be overridden.');
  }
  if (reason.trim().length < 5) throw invalid('Cần ghi lý do (ít nhất 5 ký tự).', 'A reason is required (at least 5 characters).');
  return updateStep(run, step.id, (old) => ({ ...withExtras(old, extras), overrideReason: reason.trim() }));
}

/** Adds a photo or screenshot (PNG/JPEG data URL) and/or a note or follow-up to a step. */
export function addEvidence(
  run: Run,
  step: Step,
  photo: Readonly<{ name: string; dataUrl: string }> | undefined,
  extras: Extras,
  now: string,
): Run {
  return updateStep(run, step.id, (old) => {
    const next = withExtras(old, extras);
    return photo === undefined ? next : { ...next, evidence: [...next.evidence, { ...photo, addedAt: now }] };
  });
}

/** Records the commune official's sign-off; only when every visible step is done. */
export function signOffRun(run: Run, signOff: Omit<SignOff, 'signedAt'>, ready: boolean, now: string): Run {
  if (!ready) throw invalid('Chưa thể ký xác nhận: còn bước chưa xong.', 'Cannot sign off yet: some steps are not done.');
  return { ...run, signOff: { ...signOff, signedAt: now } };
}
