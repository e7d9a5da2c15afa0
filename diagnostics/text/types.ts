/**
 * The leaf types every part of the diagnostics library shares (a leaf: it imports nothing, so
 * `types.ts` and `network/types.ts` can both use it without importing each other).
 */

/** Text shown to people, Vietnamese first. */
export type LocalText = Readonly<{ vi: string; en: string }>;

/** The verdict of one check. `unknown` means "could not check", never "found nothing". */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
