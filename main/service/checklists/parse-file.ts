/**
 * Reads one checklist file (YAML or JSON, both through the `yaml` parser so every problem has a
 * line and column), validates it against the schema and the semantic rules, and reports each
 * problem with the file, line and reason. Never throws for a bad file.
 */
import { isMap, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';

import type { LocalText } from '../define.js';
import type { FileProblem } from './file-problem.js';

export { formatProblem } from './file-problem.js';
import { checkJsonBounds, describeBoundsProblem } from '../storage/limits.js';
import { toRequestIssues } from '../validation.js';
import { checklistSchema, type Checklist } from './schema.js';
import { inlineImages } from './images.js';
import { checkSemantics, type Finding } from './semantics.js';

export type { FileProblem } from './file-problem.js';

/** The outcome of reading one file. */
export type ParsedChecklistFile =
  | Readonly<{ ok: true; file: string; checklist: Checklist; warnings: readonly FileProblem[] }>
  | Readonly<{ ok: false; file: string; errors: readonly FileProblem[]; warnings: readonly FileProblem[] }>;

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Finds the deepest node along `path` that exists, and returns its start offset. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth) as (string | number)[];
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (node !== null && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: readonly number[] }).range;
      if (range?.[0] !== undefined) return range[0];
    }
  }
  return undefined;
}

function locate(
  file: string,
  doc: Document,
  lines: LineCounter,
  finding: Readonly<{ path: readonly PropertyKey[]; message: LocalText }>,
): FileProblem {
  const offset = offsetOf(doc, finding.path);
  const pos = offset === undefined ? { line: 0, col: 0 } : lines.linePos(offset);
  return { file, line: pos.line, column: pos.col, path: pathText(finding.path), message: finding.message };
}

/**
 * Aliases (`*name`) a checklist may use. The `yaml` default (100) refused a legitimate anchor
 * reused 150 times; the parser still counts nested aliases, so exponential expansion ("billion
 * laughs") is refused, and {@link MAX_EXPANDED_BYTES} bounds what a file may grow to.
 */
const MAX_ALIAS_COUNT = 2000;
/** Largest checklist after aliases are expanded. */
const MAX_EXPANDED_BYTES = 8 * 1024 * 1024;

/** The alias refusal as a problem at the first alias of the file. */
function aliasProblem(file: string, doc: Document, lines: LineCounter, error: unknown): FileProblem {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  const pos = offset === undefined ? undefined : lines.linePos(offset);
  const detail = firstLine(error instanceof Error ? error.message : String(error));
  return {
    file,
    line: pos?.line ?? 0,
    column: pos?.col ?? 0,
    path: '',
    message: {
      vi: `quá nhiều bí danh YAML (*tên), tối đa ${MAX_ALIAS_COUNT} (${detail})`,
      en: `too many YAML aliases (*name), at most ${MAX_ALIAS_COUNT} (${detail})`,
    },
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function syntaxProblems(file: string, doc: Document): FileProblem[] {
  return doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 0,
    column: error.linePos?.[0].col ?? 0,
    path: '',
    message: {
      vi: `lỗi cú pháp YAML/JSON: ${firstLine(error.message)}`,
      en: `YAML/JSON syntax error: ${firstLine(error.message)}`,
    },
  }));
}

/** Clearer reasons for the mistakes people make most in checklist files. */
function friendlier(issue: z.core.$ZodIssue): LocalText | undefined {
  if (issue.code === 'invalid_format') {
    return { vi: `sai định dạng (cần: ${issue.message})`, en: `wrong format (expected: ${issue.message})` };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { vi: 'thiếu trường bắt buộc này', en: 'this required field is missing' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && issue.path.at(-1) === 'version') {
    return { vi: 'phải là chuỗi trong ngoặc kép, ví dụ "1.2.0"', en: 'must be quoted text, e.g. "1.2.0"' };
  }
  return undefined;
}

function schemaFindings(value: unknown): { checklist?: Checklist; findings: Finding[] } {
  const parsed = checklistSchema.safeParse(value);
  if (parsed.success) return { checklist: parsed.data, findings: [] };
  const issues = toRequestIssues(parsed.error);
  return {
    findings: parsed.error.issues.map((issue, i) => ({
      path: [
        ...(issue.path as (string | number)[]),
        ...(issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [issue.keys[0]] : []),
      ],
      message: friendlier(issue) ?? issues[i]?.message ?? { vi: issue.message, en: issue.message },
    })),
  };
}

/**
 * Parses and validates `text` (the content of `file`). `probeIds`, when given, makes unknown
 * probe ids warnings.
 */
export function parseChecklistText(
  file: string,
  text: string,
  probeIds?: ReadonlySet<string>,
): ParsedChecklistFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, file, errors: syntaxProblems(file, doc), warnings: [] };
  if (!isMap(doc.contents)) {
    const problem = { path: [], message: { vi: 'tệp phải là một đối tượng (các cặp khoá: giá trị)', en: 'the file must be a mapping (key: value pairs)' } };
    return { ok: false, file, errors: [locate(file, doc, lines, problem)], warnings: [] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, file, errors: [aliasProblem(file, doc, lines, error)], warnings: [] };
  }
  const bounds = checkJsonBounds(value, { maxBytes: MAX_EXPANDED_BYTES });
  if (bounds !== undefined) {
    const why = describeBoundsProblem(bounds);
    return { ok: false, file, errors: [{ file, line: 1, column: 1, path: bounds.path, message: { vi: `danh mục ${why.vi}`, en: `the checklist is ${why.en}` } }], warnings: [] };
  }
  const { checklist, findings } = schemaFindings(value);
  if (checklist === undefined) {
    return { ok: false, file, errors: findings.map((f) => locate(file, doc, lines, f)), warnings: [] };
  }
  const { errors, warnings } = checkSemantics(checklist, probeIds);
  const located = warnings.map((f) => locate(file, doc, lines, f));
  if (errors.length > 0) {
    return { ok: false, file, errors: errors.map((f) => locate(file, doc, lines, f)), warnings: located };
  }
  return { ok: true, file, checklist, warnings: located };
}

/**
 * Like {@link parseChecklistText}, then inlines step images: files next to the checklist when
 * `baseDir` is given (built-ins, `xaso checklist validate FILE`), data URLs only otherwise (imports).
 */
export async function parseChecklistFile(
  file: string,
  text: string,
  options: Readonly<{ probeIds?: ReadonlySet<string> | undefined; baseDir?: string | undefined }> = {},
): Promise<ParsedChecklistFile> {
  const parsed = parseChecklistText(file, text, options.probeIds);
  if (!parsed.ok) return parsed;
  const { checklist, findings } = await inlineImages(parsed.checklist, options.baseDir);
  if (findings.length === 0) return { ...parsed, checklist };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return { ok: false, file, errors: findings.map((f) => locate(file, doc, lines, f)), warnings: parsed.warnings };
}

