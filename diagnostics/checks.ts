/**
 * Helpers to build and validate checks, shared by every probe.
 */
import { describeFailure } from './failure-text.js';
import type { Area, CheckResult, CheckStatus, LocalText, Probe, ProbeResult } from './types.js';

const STATUSES: readonly CheckStatus[] = ['ok', 'warn', 'fail', 'unknown'];
const AREAS: readonly Area[] = ['hardware', 'os', 'software', 'signature', 'network', 'printers'];

function isText(value: unknown): value is LocalText {
  if (typeof value !== 'object' || value === null) return false;
  const text = value as Record<string, unknown>;
  return typeof text['vi'] === 'string' && typeof text['en'] === 'string';
}

/** True when `value` has the shape of a {@link CheckResult} (used to reject garbage). */
export function isCheckResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false;
  const check = value as Record<string, unknown>;
  return (
    typeof check['id'] === 'string' &&
    check['id'] !== '' &&
    AREAS.includes(check['area'] as Area) &&
    STATUSES.includes(check['status'] as CheckStatus) &&
    isText(check['title']) &&
    isText(check['detail'])
  );
}

/** The one check a probe yields when it could not check: `unknown`, with the reason. */
export function unknownCheck(
  probe: Pick<Probe, 'id' | 'area' | 'title'>,
  reason: string,
  id: string = probe.id,
): CheckResult {
  return {
    id,
    area: probe.area,
    status: 'unknown',
    title: probe.title,
    detail: describeFailure(reason),
    reason,
  };
}

/**
 * The check of a probe that does not apply on this OS: `unknown` (it was not checked), with a
 * plain-language explanation in both languages and `reason` starting with "not applicable".
 */
export function notApplicable(
  probe: Pick<Probe, 'id' | 'area' | 'title'>,
  why: LocalText,
  reason: string,
): CheckResult {
  return {
    id: probe.id,
    area: probe.area,
    status: 'unknown',
    title: probe.title,
    detail: why,
    reason: `not applicable: ${reason}`,
  };
}

/** Arguments of {@link check}: a check, whose absent optional fields may be `undefined`. */
export type CheckInit = Readonly<{ [K in keyof CheckResult]: CheckResult[K] | undefined }> &
  Pick<CheckResult, 'id' | 'area' | 'status' | 'title' | 'detail'>;

/** Builds a check, leaving out absent optional fields (exactOptionalPropertyTypes). */
export function check(init: CheckInit): CheckResult {
  return Object.fromEntries(
    Object.entries(init).filter(([, value]) => value !== undefined),
  ) as CheckResult;
}

/** Turns a failed {@link ProbeResult} into an `unknown` check of `probe`. */
export function unknownFrom(
  probe: Pick<Probe, 'id' | 'area' | 'title'>,
  result: Readonly<{ status: 'unavailable' | 'failed'; reason: string }>,
  id?: string,
): CheckResult {
  return unknownCheck(probe, `${result.status}: ${result.reason}`, id);
}

/** Worst status of a list (fail > warn > unknown > ok). */
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  const order: readonly CheckStatus[] = ['fail', 'warn', 'unknown', 'ok'];
  return order.find((status) => statuses.includes(status)) ?? 'ok';
}

/** Shorthand for a bilingual text. */
export function t(vi: string, en: string): LocalText {
  return { vi, en };
}

/** `ProbeResult` helpers. */
export function ok<T>(data: T): ProbeResult<T> {
  return { status: 'ok', data };
}

/** A failed probe step with its reason. */
export function failed<T>(reason: string): ProbeResult<T> {
  return { status: 'failed', reason };
}

/** A probe step that does not apply or whose tool is missing. */
export function unavailable<T>(reason: string): ProbeResult<T> {
  return { status: 'unavailable', reason };
}

/** Formats bytes as GB with one decimal (for detail texts). */
export function gb(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(1);
}
