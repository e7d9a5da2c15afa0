/**
 * The bounds of every door, in one place (README "Bảo mật / Security" and SECURITY.md list them).
 * A value past a bound is refused with a clear message; nothing is truncated silently.
 */

/** Deepest nesting of arrays/objects accepted in a request or a stored document. */
export const MAX_JSON_DEPTH = 64;

/**
 * Largest request or stored document (visit file, checklist run, key file), in bytes of JSON
 * text (approximate for values not yet serialised). Photos travel inside visits, so this is
 * generous; the web door's body limit is the same.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Largest file read from a path a person named (imports, checklists, CA/endpoint files). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** Where a value breaks a bound. */
export type JsonBoundsProblem = Readonly<{
  kind: 'too-deep' | 'too-large';
  /** Dotted path of the first value past the bound ('' for the root). */
  path: string;
  limit: number;
}>;

type Frame = { value: unknown; depth: number; key: string; parent: Frame | undefined };

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.');
}

/** Rough length of `value` as JSON text, without its children. */
function ownSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' || typeof value === 'bigint') return 24;
  if (typeof value === 'boolean' || value === null || value === undefined) return 5;
  return 2;
}

/**
 * Checks nesting depth and total size of a JSON-like value without recursion (so a value nested
 * 100,000 deep is refused, not a stack overflow). Cycles count as depth. Returns the first bound
 * broken, or undefined.
 */
export function checkJsonBounds(
  value: unknown,
  limits: Readonly<{ maxDepth?: number; maxBytes?: number }> = {},
): JsonBoundsProblem | undefined {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxBytes = limits.maxBytes ?? MAX_DOCUMENT_BYTES;
  const stack: Frame[] = [{ value, depth: 0, key: '', parent: undefined }];
  let size = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    size += ownSize(frame.value);
    if (size > maxBytes) return { kind: 'too-large', path: pathOf(frame), limit: maxBytes };
    if (typeof frame.value !== 'object' || frame.value === null) continue;
    if (frame.depth >= maxDepth) return { kind: 'too-deep', path: pathOf(frame), limit: maxDepth };
    const entries = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [String(i), v] as const)
      : Object.entries(frame.value);
    for (const [key, child] of entries) {
      size += key.length + 4;
      stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

/** The problem as a sentence (Vietnamese, English). */
export function describeBoundsProblem(problem: JsonBoundsProblem): { vi: string; en: string } {
  const where = problem.path === '' ? '' : ` (${problem.path})`;
  return problem.kind === 'too-deep'
    ? {
        vi: `lồng nhau quá sâu, tối đa ${problem.limit} tầng${where}`,
        en: `nested too deep, at most ${problem.limit} levels${where}`,
      }
    : {
        vi: `quá lớn, tối đa ${Math.round(problem.limit / 1024 / 1024)} MB${where}`,
        en: `too large, at most ${Math.round(problem.limit / 1024 / 1024)} MB${where}`,
      };
}
