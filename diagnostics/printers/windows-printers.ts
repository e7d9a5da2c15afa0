/**
 * Windows printers through PowerShell JSON only (`Get-Printer`, `Get-PrintJob`, `Win32_Printer`,
 * `Get-PrinterPort`, `Get-Service Spooler`): enum values are cast to their names, which are never
 * translated, so the parser is the same for vi-VN and en-US Windows.
 */
import { asArray, bool, num, parsePsDate, partError, str } from '../windows/powershell.js';
import { fault, type FaultCode } from './faults.js';
import type { PrintJob, PrinterFault, PrinterInfo, PrinterState } from './types.js';

/** One query, one JSON object; each part fails alone (`{ error }`). */
export const windowsPrintersScript = [
  '$r=[ordered]@{};',
  "$r['Spooler']=& { try { [string](Get-Service -Name Spooler).Status } catch { 'Missing' } };",
  "$r['Printers']=& { try { @(Get-Printer | Select-Object Name,DriverName,PortName,Shared,@{n='Type';e={[string]$_.Type}},@{n='PrinterStatus';e={[string]$_.PrinterStatus}},JobCount) } catch { @{ error = $_.Exception.Message } } };",
  "$r['Wmi']=& { try { @(Get-CimInstance Win32_Printer | Select-Object Name,Default,WorkOffline,DetectedErrorState) } catch { @{ error = $_.Exception.Message } } };",
  "$r['Jobs']=& { try { @(Get-Printer | ForEach-Object { $p=$_.Name; Get-PrintJob -PrinterName $p -ErrorAction SilentlyContinue | Select-Object @{n='PrinterName';e={$p}},Id,DocumentName,UserName,@{n='JobStatus';e={[string]$_.JobStatus}},SubmittedTime,TotalPages }) } catch { @{ error = $_.Exception.Message } } };",
  "$r['Ports']=& { try { @(Get-PrinterPort | Select-Object Name,PrinterHostAddress,PortNumber) } catch { @{ error = $_.Exception.Message } } };",
  'xasoJson $r',
].join('\n');

/** What the Windows query found. */
export type WindowsPrinters = Readonly<{
  spooler: string;
  printers: PrinterInfo[];
  error?: string;
}>;

const STATUS_FAULTS: Readonly<Record<string, FaultCode>> = {
  Paused: 'paused',
  Error: 'error',
  PaperJam: 'media-jam',
  PaperOut: 'media-empty',
  Offline: 'offline',
  OutputBinFull: 'output-full',
  TonerLow: 'toner-low',
  NoToner: 'toner-empty',
  DoorOpen: 'door-open',
  NotAvailable: 'driver-missing',
};

/** Win32_Printer.DetectedErrorState (MS Learn "Win32_Printer class") → fault. */
const DETECTED_ERRORS: Readonly<Record<number, FaultCode>> = {
  4: 'media-empty',
  5: 'toner-low',
  6: 'toner-empty',
  7: 'door-open',
  8: 'media-jam',
  9: 'offline',
  11: 'output-full',
};

function stateOf(flags: readonly string[], offline: boolean, jobs: number): PrinterState {
  if (offline || flags.includes('Offline')) return 'offline';
  if (flags.includes('Paused')) return 'stopped';
  if (
    flags.some((f) =>
      [
        'Error',
        'PaperJam',
        'PaperOut',
        'NoToner',
        'DoorOpen',
        'NotAvailable',
        'UserIntervention',
      ].includes(f),
    )
  )
    return 'error';
  if (flags.includes('Printing') || flags.includes('Processing') || jobs > 0) return 'printing';
  return flags.length === 0 || flags.includes('Normal') ? 'idle' : 'unknown';
}

function jobsOf(all: unknown, name: string): PrintJob[] {
  return asArray(all)
    .filter((j) => str(j, 'PrinterName') === name)
    .map((j) => {
      const submitted = parsePsDate((j as Record<string, unknown>)['SubmittedTime']);
      const doc = str(j, 'DocumentName');
      const user = str(j, 'UserName');
      const pages = num(j, 'TotalPages');
      return {
        id: num(j, 'Id') ?? 0,
        ...(doc === undefined ? {} : { name: doc }),
        ...(user === undefined ? {} : { user }),
        state: str(j, 'JobStatus') ?? 'unknown',
        ...(submitted === undefined ? {} : { submittedAt: new Date(submitted).toISOString() }),
        ...(pages === undefined ? {} : { pages }),
      };
    });
}

function faultsOf(
  flags: readonly string[],
  wmi: unknown,
  driver: string | undefined,
  jobs: readonly PrintJob[],
): PrinterFault[] {
  const codes = new Set<FaultCode>();
  for (const flag of flags) {
    const code = STATUS_FAULTS[flag];
    if (code !== undefined) codes.add(code);
  }
  const detected = num(wmi, 'DetectedErrorState');
  if (detected !== undefined && DETECTED_ERRORS[detected] !== undefined)
    codes.add(DETECTED_ERRORS[detected]);
  if (bool(wmi, 'WorkOffline') === true) codes.add('offline');
  if (driver === undefined) codes.add('driver-missing');
  if (jobs.some((j) => /Error|Blocked|Paused/.test(j.state)) || (jobs.length > 0 && codes.size > 0))
    codes.add('stuck-jobs');
  return [...codes].map(fault);
}

/** Parses the JSON of {@link windowsPrintersScript}. */
export function parseWindowsPrinters(data: unknown): WindowsPrinters {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const spooler = str(record, 'Spooler') ?? 'Unknown';
  const error = partError(record['Printers']);
  if (error !== undefined) return { spooler, printers: [], error };
  const wmi = asArray(record['Wmi']);
  const ports = asArray(record['Ports']);
  const printers = asArray(record['Printers']).map((p): PrinterInfo => {
    const name = str(p, 'Name') ?? '?';
    const w = wmi.find((x) => str(x, 'Name') === name);
    const flags = (str(p, 'PrinterStatus') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const jobs = jobsOf(record['Jobs'], name);
    const driver = str(p, 'DriverName');
    const portName = str(p, 'PortName');
    const host = str(
      ports.find((x) => str(x, 'Name') === portName),
      'PrinterHostAddress',
    );
    const shared = bool(p, 'Shared');
    const isDefault = bool(w, 'Default');
    return {
      name,
      source: 'windows',
      state: stateOf(flags, bool(w, 'WorkOffline') === true, jobs.length),
      stateReasons: flags,
      ...(driver === undefined ? {} : { driver }),
      ...(portName === undefined ? {} : { port: portName }),
      ...(host === undefined ? {} : { networkHost: host }),
      ...(isDefault === undefined ? {} : { isDefault }),
      ...(shared === undefined ? {} : { shared }),
      jobs,
      faults: faultsOf(flags, w, driver, jobs),
    };
  });
  return { spooler, printers };
}

/** A PowerShell single-quoted literal. */
export function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Prints the driver's test page (`Win32_Printer.PrintTestPage`; 0 = success, 5 = access denied). */
export function windowsTestPageScript(name: string): string {
  return `$n=${psQuote(name)}; $f="Name='" + $n.Replace('\\','\\\\').Replace("'","\\'") + "'"; $p=Get-CimInstance Win32_Printer -Filter $f; if ($null -eq $p) { xasoJson @{ReturnValue=-1} } else { $r=Invoke-CimMethod -InputObject $p -MethodName PrintTestPage; xasoJson @{ReturnValue=[int]$r.ReturnValue} }`;
}

/** Lists the jobs of one printer (to follow the test page). */
export function windowsJobsScript(name: string): string {
  // Passed as an argument: an empty queue prints `[]` (piping an empty array prints nothing in PS 5.1).
  return `xasoJson @(Get-PrintJob -PrinterName ${psQuote(name)} | Select-Object Id,DocumentName,@{n='JobStatus';e={[string]$_.JobStatus}})`;
}

/** Removes every job of one printer, counting before and after. */
export function windowsClearQueueScript(name: string): string {
  const q = psQuote(name);
  return `$b=@(Get-PrintJob -PrinterName ${q}).Count; Get-PrintJob -PrinterName ${q} | Remove-PrintJob; $a=@(Get-PrintJob -PrinterName ${q}).Count; xasoJson ([ordered]@{Before=$b;After=$a})`;
}

/** Restarts the spooler (needs admin) and reports its status after. */
export const windowsRestartSpoolerScript =
  '$e=$null; try { Restart-Service -Name Spooler -Force -ErrorAction Stop } catch { $e=$_.Exception.Message }; xasoJson ([ordered]@{Status=[string](Get-Service -Name Spooler).Status;Error=$e})';
