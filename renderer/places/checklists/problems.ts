import type { FileProblem } from '../../../main/service/checklists/file-problem';

/** `file:line:column path — reason`, as the CLI prints it (the renderer cannot import parse-file's code). */
export function formatProblemText(problem: FileProblem, lang: 'vi' | 'en'): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}${problem.path === '' ? '' : ` ${problem.path}`} — ${problem.message[lang]}`;
}
