/**
 * What the CLI writes to a terminal is shown, never obeyed: a commune name received in a visit
 * file could hold ESC sequences (retitle the window, clear the screen, fake a prompt) or a
 * bidirectional override (U+202E) that reorders the line. Every line the CLI prints goes
 * through here (run.ts), with the exports' own rules (reports/text-safety.ts).
 */
import { displayText } from '../service/reports/text-safety.js';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A readable line: control characters and ESC removed, `\r` too, bidi overrides as `[U+202E]`. */
export function terminalText(text: string): string {
  return text
    .split('\n')
    .map((line) => displayText(line.replace(/\r/g, ''), Number.MAX_SAFE_INTEGER))
    .join('\n');
}

/**
 * JSON for a terminal: the same data (JSON.stringify already escapes control characters), with
 * bidi controls written as `\u202e` escapes so they cannot reorder what the terminal shows.
 */
export function terminalJson(text: string): string {
  return text.replace(BIDI, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
