/**
 * Windows Wi-Fi through the native WLAN API (wlanapi.dll), locale-free: a small C# class compiled
 * by `Add-Type` calls WlanOpenHandle, WlanEnumInterfaces and WlanQueryInterface
 * (`wlan_intf_opcode_current_connection` → WLAN_CONNECTION_ATTRIBUTES, `channel_number`, `rssi`)
 * and returns numbers and strings that `ConvertTo-Json` serialises. No `netsh` text.
 *
 * Windows 11 24H2: without "Let desktop apps access your location", the current-connection query
 * fails with ERROR_ACCESS_DENIED (5) or hides the SSID; that is reported as `location-permission`.
 * Docs: https://learn.microsoft.com/en-us/windows/win32/api/wlanapi/nf-wlanapi-wlanqueryinterface
 * and https://learn.microsoft.com/en-us/windows/win32/nativewifi/wi-fi-access-location-changes
 */
import { asArray, bool, num, str } from '../windows/powershell.js';
import type { WifiInfo } from './types.js';
import { bandFromChannel, dbmFromQuality, phyName, signalLevel } from './wifi-signal.js';

/** The C# source, C# 5 (what Windows PowerShell 5.1's Add-Type compiles). Offsets follow wlanapi.h. */
export const WLAN_CSHARP = `
using System; using System.Collections.Generic; using System.Runtime.InteropServices;
public static class XasoWlan {
  [DllImport("wlanapi.dll")] static extern int WlanOpenHandle(uint v, IntPtr r, out uint nv, out IntPtr h);
  [DllImport("wlanapi.dll")] static extern int WlanCloseHandle(IntPtr h, IntPtr r);
  [DllImport("wlanapi.dll")] static extern int WlanEnumInterfaces(IntPtr h, IntPtr r, out IntPtr list);
  [DllImport("wlanapi.dll")] static extern int WlanQueryInterface(IntPtr h, ref Guid g, int op, IntPtr r, out int size, out IntPtr data, IntPtr type);
  [DllImport("wlanapi.dll")] static extern void WlanFreeMemory(IntPtr p);
  static int Query(IntPtr h, Guid g, int op, out IntPtr data) { int size; return WlanQueryInterface(h, ref g, op, IntPtr.Zero, out size, out data, IntPtr.Zero); }
  static void Connection(IntPtr h, Guid g, Dictionary<string, object> o) {
    IntPtr p; int e = Query(h, g, 7, out p);
    if (e != 0) { o["QueryError"] = e; return; }
    try {
      int a = 520; int n = Marshal.ReadInt32(p, a); if (n > 32) n = 32;
      byte[] ssid = new byte[n]; Marshal.Copy(IntPtr.Add(p, a + 4), ssid, 0, n);
      o["Ssid"] = System.Text.Encoding.UTF8.GetString(ssid);
      string[] b = new string[6]; for (int i = 0; i < 6; i++) b[i] = Marshal.ReadByte(p, a + 40 + i).ToString("x2");
      o["Bssid"] = String.Join(":", b);
      o["PhyType"] = Marshal.ReadInt32(p, a + 48);
      o["SignalQuality"] = Marshal.ReadInt32(p, a + 56);
      o["RxKbps"] = (uint)Marshal.ReadInt32(p, a + 60);
      o["TxKbps"] = (uint)Marshal.ReadInt32(p, a + 64);
    } finally { WlanFreeMemory(p); }
  }
  static void Extra(IntPtr h, Guid g, Dictionary<string, object> o, int op, string key) {
    IntPtr p; int e = Query(h, g, op, out p);
    if (e != 0) { o[key + "Error"] = e; return; }
    try { o[key] = Marshal.ReadInt32(p); } finally { WlanFreeMemory(p); }
  }
  public static Dictionary<string, object> Read() {
    var r = new Dictionary<string, object>(); var list = new List<object>(); r["Interfaces"] = list;
    IntPtr h; uint nv; int e = WlanOpenHandle(2, IntPtr.Zero, out nv, out h);
    if (e != 0) { r["OpenError"] = e; return r; }
    try {
      IntPtr l; e = WlanEnumInterfaces(h, IntPtr.Zero, out l);
      if (e != 0) { r["EnumError"] = e; return r; }
      try {
        int count = Marshal.ReadInt32(l);
        for (int i = 0; i < count; i++) {
          IntPtr item = IntPtr.Add(l, 8 + i * 532);
          byte[] gb = new byte[16]; Marshal.Copy(item, gb, 0, 16); Guid g = new Guid(gb);
          var o = new Dictionary<string, object>(); list.Add(o);
          o["Guid"] = g.ToString("B"); o["Description"] = Marshal.PtrToStringUni(IntPtr.Add(item, 16));
          int state = Marshal.ReadInt32(item, 528); o["State"] = state;
          if (state != 1) continue;
          Connection(h, g, o); Extra(h, g, o, 8, "Channel"); Extra(h, g, o, 0x10000102, "Rssi");
        }
      } finally { WlanFreeMemory(l); }
    } finally { WlanCloseHandle(h, IntPtr.Zero); }
    return r;
  }
}`;

/**
 * The optional Wi-Fi script, its own PowerShell run beside the network one (a failure here only
 * loses the Wi-Fi facts). The C# travels as plain text in a single-quoted here-string (no base64:
 * antivirus flags encoded program text). Constrained Language Mode forbids `Add-Type`: it says so
 * instead of trying.
 */
export const win32WifiScript = [
  "if ($xasoClm) { xasoJson @{ LockedDown=$true; Error='ConstrainedLanguage: Add-Type is not allowed' } }",
  "else { try { Add-Type -Language CSharp -TypeDefinition @'",
  WLAN_CSHARP,
  "'@",
  '; xasoJson ([XasoWlan]::Read()) } catch { xasoJson @{ Error=[string]$_.Exception.Message } } }',
].join('\n');

/** Win32 error codes the WLAN API returns (winerror.h). */
const ERROR_ACCESS_DENIED = 5;

const guidKey = (guid: string): string => guid.replace(/[{}]/g, '').toLowerCase();

/** One WLAN interface entry → Wi-Fi facts; `undefined` when it is not connected. */
export function parseWlanInterface(entry: unknown): WifiInfo | undefined {
  if (num(entry, 'State') !== 1) return undefined;
  const queryError = num(entry, 'QueryError');
  if (queryError === ERROR_ACCESS_DENIED)
    return {
      unavailable: 'location-permission',
      unavailableDetail: 'WlanQueryInterface: ERROR_ACCESS_DENIED (5)',
    };
  if (queryError !== undefined)
    return { unavailable: 'wlan-error', unavailableDetail: `WlanQueryInterface: ${queryError}` };
  const ssid = str(entry, 'Ssid');
  const bssid = str(entry, 'Bssid');
  if (ssid === undefined && (bssid === undefined || bssid === '00:00:00:00:00:00'))
    return {
      unavailable: 'location-permission',
      unavailableDetail: 'WlanQueryInterface: empty SSID and BSSID',
    };
  const quality = num(entry, 'SignalQuality');
  const rssi = num(entry, 'Rssi');
  const phyType = num(entry, 'PhyType');
  const channel = num(entry, 'Channel');
  const band = channel === undefined ? undefined : bandFromChannel(channel, phyType);
  const phy = phyType === undefined ? undefined : phyName(phyType);
  const rx = num(entry, 'RxKbps');
  const tx = num(entry, 'TxKbps');
  const measured = rssi !== undefined && rssi < 0 && rssi > -120;
  const dbm = measured ? rssi : quality === undefined ? undefined : dbmFromQuality(quality);
  const signal = {
    ...(quality === undefined ? {} : { signalPercent: quality }),
    ...(dbm === undefined ? {} : { signalDbm: dbm }),
    ...(dbm !== undefined && !measured ? { estimated: true } : {}),
  };
  const level = signalLevel(signal);
  return {
    ...signal,
    ...(level === undefined ? {} : { level }),
    ...(ssid === undefined ? {} : { ssid }),
    ...(bssid === undefined ? {} : { bssid }),
    ...(band === undefined ? {} : { band }),
    ...(channel === undefined ? {} : { channel }),
    ...(phy === undefined ? {} : { phy }),
    ...(rx === undefined || rx <= 0 ? {} : { rxMbps: Math.round(rx / 1000) }),
    ...(tx === undefined || tx <= 0 ? {} : { txMbps: Math.round(tx / 1000) }),
  };
}

/** A Wi-Fi adapter as `Get-NetAdapter` shows it (GUID and description to match the WLAN list). */
export type WifiAdapterKey = Readonly<{ guid?: string; description?: string }>;

/**
 * Wi-Fi facts for one adapter from the `Wifi` section; `undefined` when there is nothing to say
 * (not connected). A section that failed as a whole is `wlan-error`, but only for an adapter that
 * is up (a Wi-Fi card that is not connected has no signal to miss).
 */
export function wifiForAdapter(
  section: unknown,
  adapter: WifiAdapterKey,
  up: boolean,
): WifiInfo | undefined {
  if (bool(section, 'LockedDown') === true) {
    return up
      ? {
          unavailable: 'locked-down',
          unavailableDetail: str(section, 'Error') ?? 'ConstrainedLanguage',
        }
      : undefined;
  }
  const error =
    str(section, 'Error') ?? (num(section, 'OpenError') ?? num(section, 'EnumError'))?.toString();
  if (error !== undefined || section === undefined || section === null) {
    return up
      ? { unavailable: 'wlan-error', unavailableDetail: error ?? 'no WLAN data' }
      : undefined;
  }
  const entries = asArray((section as Record<string, unknown>)['Interfaces']);
  const entry =
    entries.find(
      (e) => adapter.guid !== undefined && guidKey(str(e, 'Guid') ?? '') === guidKey(adapter.guid),
    ) ??
    entries.find(
      (e) => adapter.description !== undefined && str(e, 'Description') === adapter.description,
    );
  return entry === undefined ? undefined : parseWlanInterface(entry);
}
