import type { ErrorCode, LocalText, RequestIssue, ServiceFailure } from './define.js';

/**
 * An expected failure inside a handler (file not found, bad file, cancelled). The service turns
 * it into a `ServiceFailure`; any other exception becomes `internal`.
 */
export class ServiceError extends Error {
  override name = 'ServiceError' as const;
  readonly code: ErrorCode;
  readonly text: LocalText;
  readonly issues: readonly RequestIssue[] | undefined;

  constructor(
    code: ErrorCode,
    text: LocalText,
    options?: { cause?: unknown; issues?: readonly RequestIssue[] },
  ) {
    super(text.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.text = text;
    this.issues = options?.issues;
  }
}

/** Turns anything thrown into a failure that can cross a boundary. */
export function toFailure(error: unknown, signal?: AbortSignal): ServiceFailure {
  if (error instanceof ServiceError) {
    return error.issues === undefined
      ? { code: error.code, message: error.text }
      : { code: error.code, message: error.text, issues: error.issues };
  }
  if (signal?.aborted) {
    return { code: 'cancelled', message: { vi: 'Đã huỷ theo yêu cầu.', en: 'Cancelled.' } };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: { vi: `Lỗi nội bộ: ${detail}`, en: `Internal error: ${detail}` },
  };
}

/** Text of a failure in one language, with its issues, on one line. */
export function describeFailure(failure: ServiceFailure, lang: 'vi' | 'en'): string {
  // An issue the message already says is not said twice (one cause, one finding).
  const issues = (failure.issues ?? [])
    .filter((issue) => !failure.message[lang].includes(issue.message[lang]))
    .map((issue) => `${issue.path || '(gốc)'}: ${issue.message[lang]}`);
  return issues.length === 0
    ? failure.message[lang]
    : `${failure.message[lang]} — ${issues.join('; ')}`;
}
