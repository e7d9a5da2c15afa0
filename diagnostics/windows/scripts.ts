/**
 * Every PowerShell script Xã Số can run on Windows, in one list: the tests run each one in real
 * PowerShell, `xaso capture` runs the ones that only read, and `xaso capture --scripts DIR`
 * writes them all as `.ps1` files for a provincial IT centre to read before allowing the app.
 * Scripts with parameters (a printer name, a host) appear with a sample value.
 */
import type { LocalText } from '../types.js';
import { win32NetworkScript } from '../network/config-win32.js';
import { win32PingStatusScript } from '../network/ping-win32-status.js';
import { win32WifiScript } from '../network/wifi-win32.js';
import {
  windowsClearQueueScript,
  windowsJobsScript,
  windowsPrintersScript,
  windowsRestartSpoolerScript,
  windowsTestPageScript,
} from '../printers/windows-printers.js';
import { win32NeighboursScript } from '../scan/neighbours-win32.js';
import { factsScript } from './facts-script.js';
import { FACTS_STARTUP_MS, sectionBudget } from './facts.js';
import { FACT_SECTIONS } from './facts-script.js';
import { powershellCommandText } from './powershell.js';

/** One script: `read` only looks; `action` changes something (never run by a capture). */
export type WindowsScript = Readonly<{
  id: string;
  kind: 'read' | 'action';
  title: LocalText;
  /** The body, before {@link powershellCommandText} wraps it. */
  body: string;
  /** The limit the app gives it. */
  timeoutMs: number;
}>;

/** Sample parameters of the scripts that take one. */
export const SAMPLE_PRINTER = 'HP LaserJet P1102 (Phòng Một cửa)';
export const SAMPLE_HOST = '127.0.0.1';

/** What a capture records besides the scripts: PowerShell, language mode, culture, OS build. */
export const hostInfoScript =
  "$o=Get-CimInstance Win32_OperatingSystem -ErrorAction SilentlyContinue; $cv=Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' -ErrorAction SilentlyContinue; $c=Get-Culture; xasoJson ([ordered]@{PSVersion=[string]$PSVersionTable.PSVersion;PSEdition=[string]$PSVersionTable.PSEdition;LanguageMode=[string]$ExecutionContext.SessionState.LanguageMode;Culture=[string]$c.Name;UICulture=[string](Get-UICulture).Name;OemCodePage=$c.TextInfo.OEMCodePage;AnsiCodePage=$c.TextInfo.ANSICodePage;Caption=$o.Caption;Version=$o.Version;BuildNumber=$o.BuildNumber;UBR=$cv.UBR;DisplayVersion=$cv.DisplayVersion;EditionID=$cv.EditionID;OSArchitecture=$o.OSArchitecture})";

const text = (vi: string, en: string): LocalText => ({ vi, en });

/** The whole list, in a stable order. */
export function windowsScripts(): readonly WindowsScript[] {
  return [
    {
      id: 'host-info',
      kind: 'read',
      title: text(
        'PowerShell, chế độ ngôn ngữ, vùng và bản Windows',
        'PowerShell, language mode, culture and Windows build',
      ),
      body: hostInfoScript,
      timeoutMs: 15_000,
    },
    {
      id: 'facts',
      kind: 'read',
      title: text(
        'Thông tin máy (phần cứng, Windows, phần mềm, chữ ký số)',
        'Machine facts (hardware, Windows, software, signatures)',
      ),
      body: factsScript(),
      timeoutMs: FACTS_STARTUP_MS + FACT_SECTIONS.reduce((s, n) => s + sectionBudget(n), 0),
    },
    {
      id: 'network-config',
      kind: 'read',
      title: text(
        'Cấu hình mạng (card mạng, IP, cổng, DNS, proxy)',
        'Network configuration (adapters, IP, gateway, DNS, proxy)',
      ),
      body: win32NetworkScript,
      timeoutMs: 20_000,
    },
    {
      id: 'wifi',
      kind: 'read',
      title: text(
        'Wi-Fi qua WLAN API (tuỳ chọn, cần Add-Type)',
        'Wi-Fi through the WLAN API (optional, needs Add-Type)',
      ),
      body: win32WifiScript,
      timeoutMs: 15_000,
    },
    {
      id: 'neighbours',
      kind: 'read',
      title: text('Bảng láng giềng ARP (quét mạng LAN)', 'ARP neighbour table (LAN scan)'),
      body: win32NeighboursScript,
      timeoutMs: 8_000,
    },
    {
      id: 'ping-status',
      kind: 'read',
      title: text(
        'Ping qua Win32_PingStatus (khi không chạy được ping.exe)',
        'Ping through Win32_PingStatus (when ping.exe cannot run)',
      ),
      body: win32PingStatusScript(SAMPLE_HOST, 2, 1000),
      timeoutMs: 8_000,
    },
    {
      id: 'printers',
      kind: 'read',
      title: text(
        'Máy in, hàng đợi, cổng, dịch vụ Print Spooler',
        'Printers, queues, ports, Print Spooler',
      ),
      body: windowsPrintersScript,
      timeoutMs: 20_000,
    },
    {
      id: 'print-jobs',
      kind: 'read',
      title: text(
        'Lệnh in của một máy in (theo dõi trang in thử)',
        "One printer's jobs (following a test page)",
      ),
      body: windowsJobsScript(SAMPLE_PRINTER),
      timeoutMs: 15_000,
    },
    {
      id: 'print-test-page',
      kind: 'action',
      title: text('In trang thử', 'Print a test page'),
      body: windowsTestPageScript(SAMPLE_PRINTER),
      timeoutMs: 20_000,
    },
    {
      id: 'clear-queue',
      kind: 'action',
      title: text('Xoá hàng đợi in', 'Clear a print queue'),
      body: windowsClearQueueScript(SAMPLE_PRINTER),
      timeoutMs: 30_000,
    },
    {
      id: 'restart-spooler',
      kind: 'action',
      title: text('Khởi động lại Print Spooler', 'Restart the Print Spooler'),
      body: windowsRestartSpoolerScript,
      timeoutMs: 60_000,
    },
  ];
}

/** The program text PowerShell receives for `script` (what `--scripts` writes to its `.ps1`). */
export function windowsScriptText(script: WindowsScript): string {
  return powershellCommandText(script.body);
}
