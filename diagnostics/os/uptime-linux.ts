/** Linux uptime facts: `node:os` uptime and `/var/run/reboot-required`. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { UptimeInfo } from './types.js';

/** Uptime, and a pending restart when the marker file exists. */
export async function readLinuxUptime(ctx: ProbeContext): Promise<ProbeResult<UptimeInfo>> {
  const pending = await ctx.fs.access('/var/run/reboot-required').then(
    () => true,
    () => false,
  );
  return ok({
    uptimeSeconds: Math.round(ctx.os.uptime()),
    pendingReboot: pending,
    pendingReasons: pending ? ['/var/run/reboot-required'] : [],
  });
}
