/**
 * The machine's network configuration for `ctx.platform`; a failure is a result.
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { runPowerShellJson } from '../windows/powershell.js';
import { linuxNetworkConfig } from './config-linux.js';
import { parseWin32Network, win32NetworkScript } from './config-win32.js';
import type { NetworkConfig } from './types.js';

/** Reads interfaces, gateway, DNS servers and proxy (or `settings.networkConfig`). Never throws. */
export async function readNetworkConfig(ctx: ProbeContext, signal?: AbortSignal): Promise<ProbeResult<NetworkConfig>> {
  if (ctx.settings?.networkConfig !== undefined) return ok(ctx.settings.networkConfig);
  if (ctx.platform === 'win32') {
    const result = await runPowerShellJson(ctx, win32NetworkScript, { timeoutMs: 20_000, ...(signal === undefined ? {} : { signal }) });
    return result.status === 'ok' ? ok(parseWin32Network(result.data)) : result;
  }
  if (ctx.platform === 'darwin') return failed('network configuration on macOS is not read yet');
  try {
    return ok(await linuxNetworkConfig(ctx, signal));
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
