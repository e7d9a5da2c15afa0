/** Linux (and macOS) smart-card service facts: the `pcscd` socket, else its binary. */
import { ok } from '../checks.js';
import type { HostFs, ProbeResult } from '../types.js';
import type { PcscdState } from './types.js';

/** The socket path of a running `pcscd`. */
export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

/** Running when the socket exists; otherwise whether the daemon is installed. */
export async function readLinuxPcscd(fs: HostFs): Promise<ProbeResult<PcscdState>> {
  const exists = (p: string) =>
    fs.access(p).then(
      () => true,
      () => false,
    );
  if (await exists(PCSCD_SOCKET)) return ok({ running: true });
  const installed = (await exists('/usr/sbin/pcscd')) || (await exists('/sbin/pcscd'));
  return ok({ running: false, installed });
}
