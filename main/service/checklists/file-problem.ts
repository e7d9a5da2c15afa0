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
