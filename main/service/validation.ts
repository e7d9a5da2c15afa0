import type { z } from 'zod';

import type { LocalText, RequestIssue } from './define.js';
import { checkJsonBounds, describeBoundsProblem } from './storage/limits.js';

type Issue = z.core.$ZodIssue;

/** A Vietnamese and English sentence for one schema issue. */
function describe(issue: Issue): LocalText {
  switch (issue.code) {
    case 'invalid_type':
      return {
        vi: `phải là ${typeNameVi(issue.expected)}`,
        en: `must be ${issue.expected}`,
      };
    case 'unrecognized_keys':
      return {
        vi: `có trường không được phép: ${issue.keys.join(', ')}`,
        en: `has unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'too_small':
      return {
        vi: `quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)})`,
        en: `too small or too short (minimum ${String(issue.minimum)})`,
      };
    case 'too_big':
      return {
        vi: `quá lớn hoặc quá dài (tối đa ${String(issue.maximum)})`,
        en: `too big or too long (maximum ${String(issue.maximum)})`,
      };
    case 'invalid_value':
      return {
        vi: `phải là một trong: ${issue.values.map(String).join(', ')}`,
        en: `must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      return { vi: `sai định dạng (${issue.format})`, en: `wrong format (${issue.format})` };
    default:
      return { vi: `không hợp lệ (${issue.message})`, en: issue.message };
  }
}

function typeNameVi(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
  };
  return names[expected] ?? expected;
}

/** Schema issues as plain-language issues with a dotted path. */
export function toRequestIssues(error: z.ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: describe(issue),
  }));
}

/**
 * What is wrong with a payload before its schema sees it: `null` (a body of `null` is not an
 * empty request), or nesting/size past the bounds of `storage/limits.ts`. Undefined when fine.
 */
export function payloadShapeIssue(payload: unknown): RequestIssue | undefined {
  if (payload === null) {
    return {
      path: '',
      message: { vi: 'phải là đối tượng, không phải null', en: 'must be an object, not null' },
    };
  }
  const problem = checkJsonBounds(payload);
  return problem === undefined
    ? undefined
    : { path: problem.path, message: describeBoundsProblem(problem) };
}
