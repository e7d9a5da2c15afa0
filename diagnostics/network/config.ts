/**
 * The machine's network configuration for `ctx.platform`; a failure is a result.
 */
import { assertNever } from '../assert-never.js';
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { partError, runPowerShellJson } from '../windows/powershell.js';
import { linuxNetworkConfig } from './config-linux.js';
import { parseWin32Network, win32NetworkScript } from './config-win32.js';
import type { NetworkConfig } from './types.js';
import { win32WifiScript } from './wifi-win32.js';

/** Budget of the network script, and of the optional Wi-Fi one that runs after it. */
const NETWORK_TIMEOUT_MS = 20_000;
const WIFI_TIMEOUT_MS = 15_000;

/** Reads interfaces, gateway, DNS servers and proxy (or `settings.networkConfig`). Never throws. */
export async function readNetworkConfig(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<NetworkConfig>> {
  if (ctx.settings?.networkConfig !== undefined) return ok(ctx.settings.networkConfig);
  switch (ctx.platform) {
    case 'win32':
      return readWin32NetworkConfig(ctx, signal);
    case 'darwin':
      return failed('network configuration on macOS is not read yet');
    case 'linux':
      return readLinuxNetworkConfig(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

/** Windows: the network script, then the Wi-Fi one when a Wi-Fi adapter is up. */
async function readWin32NetworkConfig(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<NetworkConfig>> {
  const options = signal === undefined ? {} : { signal };
  const result = await runPowerShellJson(ctx, win32NetworkScript, {
    timeoutMs: NETWORK_TIMEOUT_MS,
    ...options,
  });
  if (result.status !== 'ok') return result;
  const record = (
    typeof result.data === 'object' && result.data !== null ? result.data : {}
  ) as Record<string, unknown>;
  const adapters = partError(record['Adapters']);
  if (adapters !== undefined) return failed(`PowerShell (Get-NetAdapter): ${adapters}`);
  const wired = parseWin32Network(record);
  // The WLAN script compiles P/Invoke code (Add-Type), which antivirus products watch: it runs
  // only when a Wi-Fi adapter is connected, and its failure costs only the Wi-Fi facts.
  if (!wired.interfaces.some((i) => i.kind === 'wifi' && i.up)) return ok(wired);
  const wifi = await runPowerShellJson(ctx, win32WifiScript, {
    timeoutMs: WIFI_TIMEOUT_MS,
    ...options,
  });
  return ok(
    parseWin32Network({
      ...record,
      Wifi: wifi.status === 'ok' ? wifi.data : { Error: wifi.reason },
    }),
  );
}

/** Linux: `linuxNetworkConfig`, its throw turned into a failure. */
async function readLinuxNetworkConfig(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<NetworkConfig>> {
  try {
    return ok(await linuxNetworkConfig(ctx, signal));
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
