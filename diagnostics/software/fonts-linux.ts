/** Linux font facts: `fc-list : family`. */
import { failed, ok, unavailable } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';

/**
 * Parses `fc-list : family` (one or more comma-separated families per line). Output with
 * control characters is not a font list: undefined (the check becomes `unknown`).
 */
export function parseFcList(text: string): string[] | undefined {
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return undefined;
  return [
    ...new Set(
      text
        .split('\n')
        .flatMap((l) => l.split(','))
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    ),
  ];
}

/** The installed font families; a missing `fc-list` is `unavailable`. */
export async function readLinuxFonts(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<string[]>> {
  try {
    const out = await ctx.run('fc-list', [':', 'family'], {
      timeoutMs: 8000,
      signal,
      maxBytes: 2 * 1024 * 1024,
    });
    if (out.truncated) return failed('fc-list printed more than 2 MB');
    if (out.exitCode !== 0) return failed(`fc-list exited with ${String(out.exitCode)}`);
    const families = parseFcList(out.stdout);
    return families ? ok(families) : failed('fc-list printed something that is not a font list');
  } catch (error) {
    return unavailable(`fc-list: ${error instanceof Error ? error.message : String(error)}`);
  }
}
