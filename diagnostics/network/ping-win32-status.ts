/**
 * Locale-free ICMP on Windows: `Win32_PingStatus` (CIM) returns a numeric `StatusCode`
 * (0 = success) and `ResponseTime` in ms, whatever the display language.
 * MS Learn: https://learn.microsoft.com/en-us/previous-versions/windows/desktop/wmipicmp/win32-pingstatus
 */
import { asArray, num } from '../windows/powershell.js';

/** Quotes a host for a WQL filter: only characters of IP addresses and host names pass. */
function safeHost(host: string): string {
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new Error(`not a host name: ${host}`);
  return host;
}

/** The script sending `count` echoes, one JSON array of `{StatusCode, ResponseTime}`. */
export function win32PingStatusScript(host: string, count: number, timeoutMs: number): string {
  const filter = `Address='${safeHost(host)}' AND Timeout=${Math.round(timeoutMs)}`;
  return `xasoJson @(1..${count} | ForEach-Object { Get-CimInstance Win32_PingStatus -Filter "${filter}" | Select-Object StatusCode,ResponseTime })`;
}

/** Reply times (null where StatusCode ≠ 0), padded to `count`. */
export function parseWin32PingStatus(data: unknown, count: number): (number | null)[] {
  const times = asArray(data).map((entry) => {
    const status = num(entry, 'StatusCode');
    const time = num(entry, 'ResponseTime');
    return status === 0 && time !== undefined ? time : null;
  });
  while (times.length < count) times.push(null);
  return times.slice(0, count);
}
