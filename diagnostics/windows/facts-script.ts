/**
 * The batched PowerShell script of the sweep: every Windows fact in ONE spawn (each PowerShell
 * start costs 0.3–2 s, shared/TECH.md §1). Each section prints one JSON line when it starts
 * (`{"section":"os","start":true}`) and one when it ends (`{"section":"os","value":…}` or
 * `{"section":"os","error":"…"}`), so a section that fails costs only itself and a section that
 * hangs can be timed on its own (`facts.ts` kills PowerShell and goes on with the rest).
 * No `Win32_Product` (slow, and it triggers MSI repairs): software comes from the Uninstall keys.
 *
 * Constrained Language Mode (`$xasoClm`): no .NET method calls but on core types, so the DLL
 * header read (`[IO.File]`) is skipped there and certificates travel as hex through
 * `[BitConverter]` (allowed); `[ordered]@{}` is used where `[pscustomobject]@{}` would be refused.
 */
import { windowsModuleNames } from '../signature/providers.js';

/** Section names of the batch, each parsed by one parser in `diagnostics/windows/`. */
export type FactSection =
  | 'shell'
  | 'os'
  | 'cpu'
  | 'system'
  | 'nics'
  | 'volumes'
  | 'physicalDisks'
  | 'battery'
  | 'temps'
  | 'reboot'
  | 'timezone'
  | 'uninstall'
  | 'fonts'
  | 'processes'
  | 'security'
  | 'hotfix'
  | 'services'
  | 'usb'
  | 'certs'
  | 'modules';

const SECTIONS: Readonly<Record<FactSection, string>> = {
  shell: `[ordered]@{PSVersion=[string]$PSVersionTable.PSVersion;PSEdition=[string]$PSVersionTable.PSEdition;LanguageMode=[string]$ExecutionContext.SessionState.LanguageMode}`,
  os: `$v=Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'; Get-CimInstance Win32_OperatingSystem | Select-Object Caption,Version,BuildNumber,OSArchitecture,LastBootUpTime,TotalVisibleMemorySize,FreePhysicalMemory,@{n='DisplayVersion';e={$v.DisplayVersion}},@{n='UBR';e={$v.UBR}},@{n='EditionID';e={$v.EditionID}}`,
  cpu: `Get-CimInstance Win32_Processor | Select-Object Name,NumberOfCores,NumberOfLogicalProcessors,LoadPercentage`,
  system: `$p=Get-CimInstance Win32_ComputerSystemProduct; $c=Get-CimInstance Win32_ComputerSystem; [ordered]@{UUID=$p.UUID;Vendor=$p.Vendor;Model=$c.Model;Manufacturer=$c.Manufacturer;PCSystemType=[int]$c.PCSystemType;BoardSerial=(Get-CimInstance Win32_BaseBoard).SerialNumber;BiosSerial=(Get-CimInstance Win32_BIOS).SerialNumber;Name=$env:COMPUTERNAME}`,
  nics: `Get-NetAdapter -Physical | Select-Object Name,InterfaceDescription,MacAddress,@{n='Status';e={[string]$_.Status}}`,
  volumes: `Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID,Size,FreeSpace,FileSystem,VolumeName`,
  physicalDisks: `Get-PhysicalDisk | Select-Object FriendlyName,Size,@{n='MediaType';e={[int]$_.MediaType}},@{n='BusType';e={[int]$_.BusType}},@{n='HealthStatus';e={[int]$_.HealthStatus}}`,
  battery: `$s=@(Get-CimInstance -Namespace root/wmi BatteryStaticData -ErrorAction SilentlyContinue); $f=@(Get-CimInstance -Namespace root/wmi BatteryFullChargedCapacity -ErrorAction SilentlyContinue); @(Get-CimInstance Win32_Battery | Select-Object Name,EstimatedChargeRemaining,BatteryStatus,@{n='DesignedCapacity';e={$s[0].DesignedCapacity}},@{n='FullChargedCapacity';e={$f[0].FullChargedCapacity}})`,
  temps: `@(Get-CimInstance -Namespace root/wmi MSAcpi_ThermalZoneTemperature | Select-Object InstanceName,CurrentTemperature)`,
  reboot: `[ordered]@{CbsRebootPending=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending');WuRebootRequired=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired');PendingFileRename=($null -ne (Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue))}`,
  timezone: `$z=Get-TimeZone; [ordered]@{Id=$z.Id;BaseUtcOffsetMinutes=$z.BaseUtcOffset.TotalMinutes;UtcOffsetNowMinutes=((Get-Date) - (Get-Date).ToUniversalTime()).TotalMinutes}`,
  uninstall: `$k='HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'; @(foreach($p in $k){Get-ItemProperty $p -ErrorAction SilentlyContinue | Where-Object DisplayName | Select-Object DisplayName,DisplayVersion,Publisher,InstallDate,@{n='Hive';e={$p.Split('\\')[0] + $(if($p -like '*WOW6432Node*'){'32'}else{''})}}})`,
  fonts: `@((Get-Item 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts').Property) + @((Get-Item 'HKCU:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts' -ErrorAction SilentlyContinue).Property)`,
  processes: `@(Get-Process -Name UniKeyNT,UniKey*,EVKey*,VGCASignService*,*TokenManager*,BkavCA* -ErrorAction SilentlyContinue | Select-Object Name,Path)`,
  security: `[ordered]@{Antivirus=@(Get-CimInstance -Namespace root/SecurityCenter2 AntiVirusProduct -ErrorAction SilentlyContinue | Select-Object displayName,productState,timestamp);Firewall=@(Get-NetFirewallProfile | Select-Object Name,@{n='Enabled';e={[int]$_.Enabled}})}`,
  hotfix: `@(Get-HotFix | Where-Object InstalledOn | Sort-Object InstalledOn -Descending | Select-Object -First 5 HotFixID,InstalledOn)`,
  services: `@(Get-Service -Name SCardSvr,W32Time -ErrorAction SilentlyContinue | Select-Object Name,@{n='Status';e={[int]$_.Status}},@{n='StartType';e={[int]$_.StartType}})`,
  usb: `@(Get-PnpDevice -PresentOnly | Where-Object InstanceId -like 'USB\\VID_*' | Select-Object FriendlyName,InstanceId,Class,Status)`,
  certs: `$x={ [BitConverter]::ToString($_.RawData).Replace('-','') }; [ordered]@{My=@(Get-ChildItem Cert:\\CurrentUser\\My | Select-Object Subject,Issuer,NotBefore,NotAfter,Thumbprint,HasPrivateKey,@{n='DerHex';e=$x});CA=@(Get-ChildItem Cert:\\CurrentUser\\CA,Cert:\\LocalMachine\\CA | Select-Object @{n='DerHex';e=$x});Root=@(Get-ChildItem Cert:\\LocalMachine\\Root,Cert:\\CurrentUser\\Root | Select-Object @{n='DerHex';e=$x})}`,
  modules: `$n=@(${'$NAMES'}); @(foreach($d in @("$env:SystemRoot\\System32","$env:SystemRoot\\SysWOW64")){ foreach($f in $n){ $p=Join-Path $d $f; if(Test-Path -LiteralPath $p){ $m=$null; if(-not $xasoClm){ $b=New-Object byte[] 512; $s=[IO.File]::OpenRead((Resolve-Path -LiteralPath $p).ProviderPath); [void]$s.Read($b,0,512); $s.Close(); $o=[BitConverter]::ToInt32($b,60); if($o -gt 0 -and $o -lt 508){ $m=[int][BitConverter]::ToUInt16($b,$o+4) } }; [ordered]@{File=$f;Dir=$d;Machine=$m} } } })`,
};

/** Every section, in the order the batch runs them. */
export const FACT_SECTIONS = Object.keys(SECTIONS) as FactSection[];

/**
 * Prints a section's start line, runs it, and prints its value or its error: one JSON line each.
 * Defined once at the head of the batch.
 */
const SECTION_FUNCTION =
  'function xasoSection([string]$Name, [scriptblock]$Body) { xasoJson ([ordered]@{section=$Name;start=$true}); try { $v = & $Body; xasoJson ([ordered]@{section=$Name;value=$v}) } catch { xasoJson ([ordered]@{section=$Name;error=[string]$_.Exception.Message}) } };';

/** The PowerShell body for the given sections (all by default), in that order. */
export function factsScript(sections: readonly FactSection[] = FACT_SECTIONS): string {
  const names = windowsModuleNames()
    .map((m) => `'${m.file}'`)
    .join(',');
  const parts = sections.map((name) => {
    const body = SECTIONS[name].replace('$NAMES', names);
    return `xasoSection '${name}' { ${body} };`;
  });
  return [SECTION_FUNCTION, ...parts].join('\n');
}
