/**
 * Windows ping: `ping.exe` (node-ping's Windows builder: `-n COUNT -w MS`, 32-byte echoes), and
 * `Win32_PingStatus` (numeric JSON) when `ping.exe` cannot run.
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { runPowerShellJson } from '../windows/powershell.js';
import { parseWin32PingStatus, win32PingStatusScript } from './ping-win32-status.js';
import type { PingFlavour } from './ping-types.js';

/** The Windows system ping. */
export const win32Ping: PingFlavour = {
  file: 'ping.exe',
  extra: [],
  packetSize: 32,
  // ping.exe has no `--`; isSafePingHost keeps a host from looking like an option instead.
  endOfOptions: false,
};

/** The reply times of `count` echoes through `Win32_PingStatus`. */
export async function readWin32PingStatus(
  ctx: ProbeContext,
  host: string,
  count: number,
  perReplyTimeoutS: number,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<(number | null)[]>> {
  const result = await runPowerShellJson(
    ctx,
    win32PingStatusScript(host, count, perReplyTimeoutS * 1000),
    options,
  );
  return result.status === 'ok' ? ok(parseWin32PingStatus(result.data, count)) : result;
}
