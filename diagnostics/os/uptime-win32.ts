/** Windows uptime facts: the `os` (LastBootUpTime) and `reboot` sections. */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, bool, parsePsDate } from '../windows/powershell.js';
import type { UptimeInfo } from './types.js';

/** Parses the `os` (LastBootUpTime) and `reboot` sections. */
export function parseWindowsUptime(
  os: unknown,
  reboot: unknown,
  now: number,
): UptimeInfo | undefined {
  const boot = parsePsDate(
    (asArray(os)[0] as Record<string, unknown> | undefined)?.['LastBootUpTime'],
  );
  if (boot === undefined) return undefined;
  const reasons = ['CbsRebootPending', 'WuRebootRequired', 'PendingFileRename'].filter(
    (k) => bool(reboot, k) === true,
  );
  return {
    uptimeSeconds: Math.max(0, Math.round((now - boot) / 1000)),
    pendingReboot: reasons.length > 0,
    pendingReasons: reasons,
  };
}

/** Reads both sections (a failed `reboot` section means no pending restart). */
export async function readWin32Uptime(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<UptimeInfo>> {
  const os = await windowsSection(ctx, 'os', signal);
  const reboot = await windowsSection(ctx, 'reboot', signal);
  if (os.status !== 'ok') return os;
  const info = parseWindowsUptime(os.data, reboot.status === 'ok' ? reboot.data : {}, ctx.now());
  return info ? ok(info) : failed('no LastBootUpTime');
}
