import type { LocalText } from '../define.js';

/** One problem in a checklist file, where it is and why. No Node imports (the renderer uses it). */
export type FileProblem = Readonly<{
  file: string;
  /** 1-based line and column; 0 when the position is unknown. */
  line: number;
  column: number;
  /** Path inside the document, e.g. `steps[3].title.vi`. */
  path: string;
  message: LocalText;
}>;

/** One line per problem: `file:line:column path — reason`. */
export function formatProblem(problem: FileProblem, lang: 'vi' | 'en'): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}${problem.path === '' ? '' : ` ${problem.path}`} — ${problem.message[lang]}`;
}
