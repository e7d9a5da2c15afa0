/**
 * The batched PowerShell script of the sweep: every Windows fact in ONE spawn (each PowerShell
 * start costs 0.3–2 s, shared/TECH.md §1), one JSON object, one key per section. A section that
 * fails holds `{ "error": "…" }` so the others still arrive. No `Win32_Product` (slow, and it
 * triggers MSI repairs): installed software comes from the Uninstall registry keys.
 */
import { windowsModuleNames } from '../signature/providers.js';

/** Section names of the batch, each parsed by one parser in `diagnostics/windows/`. */
export type FactSection =
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
  os: `$v=Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'; Get-CimInstance Win32_OperatingSystem | Select-Object Caption,Version,BuildNumber,OSArchitecture,LastBootUpTime,TotalVisibleMemorySize,FreePhysicalMemory,@{n='DisplayVersion';e={$v.DisplayVersion}},@{n='UBR';e={$v.UBR}},@{n='EditionID';e={$v.EditionID}}`,
  cpu: `Get-CimInstance Win32_Processor | Select-Object Name,NumberOfCores,NumberOfLogicalProcessors,LoadPercentage`,
  system: `$p=Get-CimInstance Win32_ComputerSystemProduct; $c=Get-CimInstance Win32_ComputerSystem; [pscustomobject]@{UUID=$p.UUID;Vendor=$p.Vendor;Model=$c.Model;Manufacturer=$c.Manufacturer;PCSystemType=[int]$c.PCSystemType;BoardSerial=(Get-CimInstance Win32_BaseBoard).SerialNumber;BiosSerial=(Get-CimInstance Win32_BIOS).SerialNumber;Name=$env:COMPUTERNAME}`,
  nics: `Get-NetAdapter -Physical | Select-Object Name,InterfaceDescription,MacAddress,@{n='Status';e={[string]$_.Status}}`,
  volumes: `Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID,Size,FreeSpace,FileSystem,VolumeName`,
  physicalDisks: `Get-PhysicalDisk | Select-Object FriendlyName,Size,@{n='MediaType';e={[int]$_.MediaType}},@{n='BusType';e={[int]$_.BusType}},@{n='HealthStatus';e={[int]$_.HealthStatus}}`,
  battery: `$s=@(Get-CimInstance -Namespace root/wmi BatteryStaticData -ErrorAction SilentlyContinue); $f=@(Get-CimInstance -Namespace root/wmi BatteryFullChargedCapacity -ErrorAction SilentlyContinue); @(Get-CimInstance Win32_Battery | Select-Object Name,EstimatedChargeRemaining,BatteryStatus,@{n='DesignedCapacity';e={$s[0].DesignedCapacity}},@{n='FullChargedCapacity';e={$f[0].FullChargedCapacity}})`,
  temps: `@(Get-CimInstance -Namespace root/wmi MSAcpi_ThermalZoneTemperature | Select-Object InstanceName,CurrentTemperature)`,
  reboot: `[pscustomobject]@{CbsRebootPending=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending');WuRebootRequired=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired');PendingFileRename=($null -ne (Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue))}`,
  timezone: `$z=Get-TimeZone; [pscustomobject]@{Id=$z.Id;BaseUtcOffsetMinutes=$z.BaseUtcOffset.TotalMinutes;UtcOffsetNowMinutes=([DateTimeOffset]::Now.Offset.TotalMinutes)}`,
  uninstall: `$k='HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'; @(foreach($p in $k){Get-ItemProperty $p -ErrorAction SilentlyContinue | Where-Object DisplayName | Select-Object DisplayName,DisplayVersion,Publisher,InstallDate,@{n='Hive';e={$p.Split('\\')[0] + $(if($p -like '*WOW6432Node*'){'32'}else{''})}}})`,
  fonts: `@((Get-Item 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts').Property) + @((Get-Item 'HKCU:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts' -ErrorAction SilentlyContinue).Property)`,
  processes: `@(Get-Process -Name UniKeyNT,UniKey*,EVKey*,VGCASignService*,*TokenManager*,BkavCA* -ErrorAction SilentlyContinue | Select-Object Name,Path)`,
  security: `[pscustomobject]@{Antivirus=@(Get-CimInstance -Namespace root/SecurityCenter2 AntiVirusProduct -ErrorAction SilentlyContinue | Select-Object displayName,productState,timestamp);Firewall=@(Get-NetFirewallProfile | Select-Object Name,@{n='Enabled';e={[int]$_.Enabled}})}`,
  hotfix: `@(Get-HotFix | Where-Object InstalledOn | Sort-Object InstalledOn -Descending | Select-Object -First 5 HotFixID,InstalledOn)`,
  services: `@(Get-Service -Name SCardSvr,W32Time -ErrorAction SilentlyContinue | Select-Object Name,@{n='Status';e={[int]$_.Status}},@{n='StartType';e={[int]$_.StartType}})`,
  usb: `@(Get-PnpDevice -PresentOnly | Where-Object InstanceId -like 'USB\\VID_*' | Select-Object FriendlyName,InstanceId,Class,Status)`,
  certs: `$h=[Security.Cryptography.SHA256]::Create(); [pscustomobject]@{My=@(Get-ChildItem Cert:\\CurrentUser\\My | Select-Object Subject,Issuer,NotBefore,NotAfter,Thumbprint,HasPrivateKey,@{n='Der';e={[Convert]::ToBase64String($_.RawData)}});CA=@(Get-ChildItem Cert:\\CurrentUser\\CA,Cert:\\LocalMachine\\CA | Select-Object @{n='Der';e={[Convert]::ToBase64String($_.RawData)}});RootSha256=@(Get-ChildItem Cert:\\LocalMachine\\Root,Cert:\\CurrentUser\\Root | ForEach-Object {[BitConverter]::ToString($h.ComputeHash($_.RawData)).Replace('-','').ToLower()})}`,
  modules: `$n=@(${'$NAMES'}); @(foreach($d in @("$env:SystemRoot\\System32","$env:SystemRoot\\SysWOW64")){ foreach($f in $n){ $p=Join-Path $d $f; if(Test-Path $p){ $b=New-Object byte[] 512; $s=[IO.File]::OpenRead($p); [void]$s.Read($b,0,512); $s.Close(); $o=[BitConverter]::ToInt32($b,60); [pscustomobject]@{File=$f;Dir=$d;Machine=$(if($o -gt 0 -and $o -lt 508){[int][BitConverter]::ToUInt16($b,$o+4)}else{$null})} } } })`,
};

/** The PowerShell script for the given sections (all by default). */
export function factsScript(
  sections: readonly FactSection[] = Object.keys(SECTIONS) as FactSection[],
): string {
  const names = windowsModuleNames()
    .map((m) => `'${m.file}'`)
    .join(',');
  const parts = sections.map((name) => {
    const body = SECTIONS[name].replace('$NAMES', names);
    return `$r['${name}'] = & { try { ${body} } catch { @{ error = $_.Exception.Message } } };`;
  });
  return `$r=[ordered]@{}; ${parts.join(' ')} $r | ConvertTo-Json -Depth 4 -Compress`;
}
