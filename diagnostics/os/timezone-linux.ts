/** Linux (and macOS) time zone facts: `TZ`, else the runtime's zone, and the offset at `ctx.now()`. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { ZoneInfo } from './types.js';

/** The zone id and its current offset. */
export async function readLinuxZone(ctx: ProbeContext): Promise<ProbeResult<ZoneInfo>> {
  const id = ctx.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return ok({ id, offsetMinutes: -new Date(ctx.now()).getTimezoneOffset() });
}
