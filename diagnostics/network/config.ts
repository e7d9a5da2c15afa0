/**
 * The machine's network configuration for `ctx.platform`; a failure is a result.
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { runPowerShellJson } from '../windows/powershell.js';
import { linuxNetworkConfig } from './config-linux.js';
import { parseWin32Network, partError, win32NetworkScript } from './config-win32.js';
import type { NetworkConfig } from './types.js';
import { win32WifiScript } from './wifi-win32.js';

/** Budget of the network script, and of the optional Wi-Fi one that runs after it. */
const NETWORK_TIMEOUT_MS = 20_000;
const WIFI_TIMEOUT_MS = 15_000;

/** Reads interfaces, gateway, DNS servers and proxy (or `settings.networkConfig`). Never throws. */
export async function readNetworkConfig(ctx: ProbeContext, signal?: AbortSignal): Promise<ProbeResult<NetworkConfig>> {
  if (ctx.settings?.networkConfig !== undefined) return ok(ctx.settings.networkConfig);
  if (ctx.platform === 'win32') {
    const options = signal === undefined ? {} : { signal };
    const result = await runPowerShellJson(ctx, win32NetworkScript, { timeoutMs: NETWORK_TIMEOUT_MS, ...options });
    if (result.status !== 'ok') return result;
    const record = (typeof result.data === 'object' && result.data !== null ? result.data : {}) as Record<string, unknown>;
    const adapters = partError(record['Adapters']);
    if (adapters !== undefined) return failed(`PowerShell (Get-NetAdapter): ${adapters}`);
    const wired = parseWin32Network(record);
    // The WLAN script compiles P/Invoke code (Add-Type), which antivirus products watch: it runs
    // only when a Wi-Fi adapter is connected, and its failure costs only the Wi-Fi facts.
    if (!wired.interfaces.some((i) => i.kind === 'wifi' && i.up)) return ok(wired);
    const wifi = await runPowerShellJson(ctx, win32WifiScript, { timeoutMs: WIFI_TIMEOUT_MS, ...options });
    return ok(parseWin32Network({ ...record, Wifi: wifi.status === 'ok' ? wifi.data : { Error: wifi.reason } }));
  }
  if (ctx.platform === 'darwin') return failed('network configuration on macOS is not read yet');
  try {
    return ok(await linuxNetworkConfig(ctx, signal));
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
