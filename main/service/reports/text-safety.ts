/**
 * Makes any text safe to show in an export: no control characters (they break XML and PDF),
 * no lone surrogates, bidirectional overrides shown as visible marks instead of silently
 * reordering the line (CVE-2021-42574 "Trojan Source"), and a length cap so a hostile name
 * cannot swallow the page. The JSON export keeps the original text; only displays use this.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Cleans `text` for display, cutting it at `max` characters (with an ellipsis). */
export function displayText(text: string | undefined, max = 2000): string {
  if (text === undefined) return '';
  const clean = text
    .normalize('NFC')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, '')
    .replace(BIDI, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  // Do not end on half of a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** HTML-escapes cleaned text (element content and quoted attribute values alike). */
export function escapeHtml(text: string | undefined, max?: number): string {
  return displayText(text, max).replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe, so Excel and LibreOffice
 * show it as text instead of running it.
 */
export function spreadsheetText(text: string | undefined, max = 5000): string {
  const clean = displayText(text, max);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** Only PNG/JPEG data URLs with plain base64 are embedded; anything else is dropped. */
export function safeImageDataUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/.test(url) ? url : undefined;
}
