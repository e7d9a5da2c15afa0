<#
  Fake Windows for the tests: functions with the names of the Windows cmdlets Xã Số's scripts
  call, answering from one machine's JSON (tests/fixtures/windows/<machine>/machine.json).
  PowerShell on Linux lacks CIM, the registry and cert providers, Get-Service, Get-PnpDevice and
  the NetTCPIP/NetAdapter/DnsClient/NetSecurity/Storage/PrintManagement modules; a function wins
  over a cmdlet of the same name, so the scripts run unchanged.

  Import: Import-Module FakeWindows.psd1 -ArgumentList <machine folder>
  Faults: $env:XASO_FAKE_FAULTS = JSON list of { cmdlet, kind, count?, ms?, message? }
    (cmdlet may be 'Get-CimInstance:Win32_Battery' to target one CIM class).

  Property names and types follow Microsoft Learn (links at each function). Values that are
  enums on Windows are enums here, with the documented numbers, so `[int]` and `[string]` casts
  behave as on Windows. Dates are ISO strings in the data and [datetime] here.
  Every function is an advanced function: -ErrorAction works, and with the caller's
  $ErrorActionPreference='Stop' a non-terminating error becomes terminating, as with cmdlets.
#>
param([Parameter(Mandatory)][string]$MachineFolder)

Set-StrictMode -Version 3

# ---- Enums (documented values) -------------------------------------------------------------

# https://learn.microsoft.com/windows-hardware/drivers/storage/msft-physicaldisk (MediaType)
enum FakeMediaType { Unspecified = 0; HDD = 3; SSD = 4; SCM = 5 }
# MSFT_PhysicalDisk BusType
enum FakeBusType { Unknown = 0; SCSI = 1; ATAPI = 2; ATA = 3; IEEE1394 = 4; SSA = 5; FibreChannel = 6; USB = 7; RAID = 8; iSCSI = 9; SAS = 10; SATA = 11; SD = 12; MMC = 13; Virtual = 14; FileBackedVirtual = 15; StorageSpaces = 16; NVMe = 17; SCM = 18 }
# MSFT_PhysicalDisk HealthStatus
enum FakeHealthStatus { Healthy = 0; Warning = 1; Unhealthy = 2; Unknown = 5 }
# https://learn.microsoft.com/previous-versions/windows/desktop/wfascimprov/msft-netfirewallprofile (GpoBoolean)
enum GpoBoolean { False = 0; True = 1; NotConfigured = 2 }
# https://learn.microsoft.com/previous-versions/windows/desktop/nettcpipprov/msft-netipaddress (PrefixOrigin)
enum PrefixOrigin { Other = 0; Manual = 1; WellKnown = 2; Dhcp = 3; RouterAdvertisement = 4 }
# MSFT_NetNeighbor State
enum NeighborState { Unreachable = 0; Incomplete = 1; Probe = 2; Delay = 3; Stale = 4; Reachable = 5; Permanent = 6 }
# MSFT_NetIPAddress / MSFT_NetNeighbor AddressFamily
enum AddressFamily { IPv4 = 2; IPv6 = 23 }
# https://learn.microsoft.com/windows/win32/printdocs/printer-info-2 (PRINTER_STATUS_*), MSFT_Printer
[Flags()] enum PrinterStatus { Normal = 0; Paused = 1; Error = 2; PendingDeletion = 4; PaperJam = 8; PaperOut = 16; ManualFeed = 32; PaperProblem = 64; Offline = 128; IOActive = 256; Busy = 512; Printing = 1024; OutputBinFull = 2048; NotAvailable = 4096; Waiting = 8192; Processing = 16384; Initializing = 32768; WarmingUp = 65536; TonerLow = 131072; NoToner = 262144; PagePunt = 524288; UserIntervention = 1048576; OutOfMemory = 2097152; DoorOpen = 4194304; ServerUnknown = 8388608; PowerSave = 16777216 }
# MSFT_Printer Type
enum PrinterType { Local = 0; Connection = 1 }
# https://learn.microsoft.com/windows/win32/printdocs/job-info-2 (JOB_STATUS_*), MSFT_PrintJob
[Flags()] enum JobStatus { Normal = 0; Paused = 1; Error = 2; Deleting = 4; Spooling = 8; Printing = 16; Offline = 32; PaperOut = 64; Printed = 128; Deleted = 256; Blocked = 512; UserIntervention = 1024; Restarted = 2048; Complete = 4096; Retained = 8192; RenderingLocally = 16384 }

# ---- Data ----------------------------------------------------------------------------------

$script:Machine = Get-Content -LiteralPath (Join-Path $MachineFolder 'machine.json') -Raw -Encoding utf8 |
  ConvertFrom-Json -AsHashtable -DateKind String
$script:Faults = @()
if ($env:XASO_FAKE_FAULTS) { $script:Faults = @($env:XASO_FAKE_FAULTS | ConvertFrom-Json -DateKind String) }
# Mutable state of the actions (Remove-PrintJob, Restart-Service) within one PowerShell run.
$script:RemovedJobs = [System.Collections.Generic.HashSet[string]]::new()

function script:Get-Data([string]$Key) {
  if ($script:Machine.ContainsKey($Key)) { return $script:Machine[$Key] }
  return $null
}

function script:ConvertTo-Date($Value) {
  if ($null -eq $Value -or $Value -is [datetime]) { return $Value }
  return ([DateTimeOffset]::Parse([string]$Value, [Globalization.CultureInfo]::InvariantCulture)).LocalDateTime
}

<#
  Types of the properties that are not plain strings/booleans, by record kind, from Microsoft Learn:
  Win32_OperatingSystem  https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem
  Win32_Processor        https://learn.microsoft.com/windows/win32/cimwin32prov/win32-processor
  Win32_ComputerSystem   https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem (PCSystemType 1 desktop, 2 mobile)
  Win32_LogicalDisk      https://learn.microsoft.com/windows/win32/cimwin32prov/win32-logicaldisk (DriveType 3 local disk)
  Win32_Battery          https://learn.microsoft.com/windows/win32/cimwin32prov/win32-battery
  BatteryStaticData, BatteryFullChargedCapacity, MSAcpi_ThermalZoneTemperature: root/wmi classes of the
                         ACPI battery/thermal drivers (uint32; temperature in tenths of kelvin)
  AntiVirusProduct       root/SecurityCenter2 (productState uint32, WSC_SECURITY_PRODUCT_STATE bytes)
  Win32_Printer          https://learn.microsoft.com/windows/win32/cimwin32prov/win32-printer
  Win32_PingStatus       https://learn.microsoft.com/previous-versions/windows/desktop/wmipicmp/win32-pingstatus
  MSFT_NetAdapter        https://learn.microsoft.com/previous-versions/windows/desktop/legacy/hh968170(v=vs.85)
  MSFT_PhysicalDisk      https://learn.microsoft.com/windows-hardware/drivers/storage/msft-physicaldisk
  Win32_QuickFixEngineering https://learn.microsoft.com/windows/win32/cimwin32prov/win32-quickfixengineering
  ServiceController      https://learn.microsoft.com/dotnet/api/system.serviceprocess.servicecontrollerstatus
  MSFT_Printer/MSFT_PrintJob https://learn.microsoft.com/windows/win32/printdocs/printer-info-2, job-info-2
  Not from Windows: `PrintTestPageReturnValue` on a Win32_Printer record is the fake's knob for what
  Invoke-CimMethod PrintTestPage returns (0 success, 5 access denied).
#>
$script:Types = @{
  'Win32_OperatingSystem'          = @{ LastBootUpTime = 'datetime'; InstallDate = 'datetime'; TotalVisibleMemorySize = 'uint64'; FreePhysicalMemory = 'uint64' }
  'Win32_Processor'                = @{ NumberOfCores = 'uint32'; NumberOfLogicalProcessors = 'uint32'; LoadPercentage = 'uint16' }
  'Win32_ComputerSystem'           = @{ PCSystemType = 'uint16'; TotalPhysicalMemory = 'uint64' }
  'Win32_LogicalDisk'              = @{ DriveType = 'uint32'; Size = 'uint64'; FreeSpace = 'uint64' }
  'Win32_Battery'                  = @{ EstimatedChargeRemaining = 'uint16'; BatteryStatus = 'uint16'; DesignCapacity = 'uint32' }
  'BatteryStaticData'              = @{ DesignedCapacity = 'uint32' }
  'BatteryFullChargedCapacity'     = @{ FullChargedCapacity = 'uint32' }
  'MSAcpi_ThermalZoneTemperature'  = @{ CurrentTemperature = 'uint32' }
  'AntiVirusProduct'               = @{ productState = 'uint32' }
  'Win32_Printer'                  = @{ DetectedErrorState = 'uint16' }
  'Win32_PingStatus'               = @{ StatusCode = 'uint32'; ResponseTime = 'uint32' }
  'NetAdapter'                     = @{ ifIndex = 'uint32'; ReceiveLinkSpeed = 'uint64'; TransmitLinkSpeed = 'uint64' }
  'NetIPAddress'                   = @{ InterfaceIndex = 'uint32'; PrefixLength = 'byte'; PrefixOrigin = 'PrefixOrigin'; AddressFamily = 'AddressFamily' }
  'NetRoute'                       = @{ InterfaceIndex = 'uint32'; RouteMetric = 'uint16'; AddressFamily = 'AddressFamily' }
  'DnsClientServerAddress'         = @{ InterfaceIndex = 'uint32'; AddressFamily = 'uint16'; ServerAddresses = 'string[]' }
  'NetNeighbor'                    = @{ ifIndex = 'uint32'; State = 'NeighborState'; AddressFamily = 'AddressFamily' }
  'PhysicalDisk'                   = @{ Size = 'uint64'; MediaType = 'FakeMediaType'; BusType = 'FakeBusType'; HealthStatus = 'FakeHealthStatus' }
  'NetFirewallProfile'             = @{ Enabled = 'GpoBoolean' }
  'HotFix'                         = @{ InstalledOn = 'datetime' }
  'Service'                        = @{ Status = 'System.ServiceProcess.ServiceControllerStatus'; StartType = 'System.ServiceProcess.ServiceStartMode' }
  'Printer'                        = @{ Type = 'PrinterType'; PrinterStatus = 'PrinterStatus'; JobCount = 'uint32' }
  'PrintJob'                       = @{ Id = 'uint32'; JobStatus = 'JobStatus'; SubmittedTime = 'datetime'; TotalPages = 'uint32' }
  'PrinterPort'                    = @{ PortNumber = 'uint32' }
  'Process'                        = @{ Id = 'int32' }
}

function script:ConvertTo-Typed($Value, [string]$Type) {
  if ($null -eq $Value) { return $null }
  switch ($Type) {
    'datetime' { return (ConvertTo-Date $Value) }
    'string[]' { return , [string[]]@($Value) }
    default { return ($Value -as [type]$Type) }
  }
}

# One record of the data as a typed object (PSTypeName = the Windows class).
function script:New-Record([hashtable]$Data, [string]$Kind, [string]$TypeName) {
  $types = if ($script:Types.ContainsKey($Kind)) { $script:Types[$Kind] } else { @{} }
  $o = [ordered]@{ PSTypeName = $TypeName }
  # Members the type data of the real .NET types expects (ServiceController, Process).
  if ($Kind -eq 'Service') { $o['ServiceName'] = $Data['Name'] }
  if ($Kind -eq 'Process') { $o['ProcessName'] = $Data['Name'] }
  foreach ($k in $Data.Keys) {
    $o[$k] = $Data[$k]
    if ($types.ContainsKey($k)) { $o[$k] = ConvertTo-Typed $Data[$k] $types[$k] }
  }
  return [pscustomobject]$o
}

function script:New-Records([string]$Key, [string]$Kind, [string]$TypeName) {
  foreach ($r in @(Get-Data $Key)) { if ($null -ne $r) { New-Record $r $Kind $TypeName } }
}

function script:New-FakeErrorRecord([string]$Message, [string]$Id, [string]$Category = 'NotSpecified', $Target = $null) {
  $exception = [System.Exception]::new($Message)
  return [System.Management.Automation.ErrorRecord]::new($exception, $Id, [System.Management.Automation.ErrorCategory]$Category, $Target)
}

# ---- Faults --------------------------------------------------------------------------------

function script:Find-Fault([string]$Cmdlet, [string]$Detail) {
  foreach ($f in $script:Faults) {
    if ($f.cmdlet -eq $Cmdlet -or ($Detail -and $f.cmdlet -eq "${Cmdlet}:$Detail")) { return $f }
  }
  return $null
}

<#
  Runs $Produce (the normal answer) through the fault of $Cmdlet, if any. $Caller is the
  function's $PSCmdlet: errors go through it, so -ErrorAction and the caller's preference apply.
#>
function script:Invoke-Faulted($Caller, [string]$Cmdlet, [scriptblock]$Produce, [string]$Detail = '') {
  $fault = Find-Fault $Cmdlet $Detail
  if ($null -eq $fault) { return & $Produce }
  $message = if ($fault.PSObject.Properties['message'] -and $fault.message) { [string]$fault.message } else { "Fake fault of $Cmdlet ($($fault.kind))" }
  switch ([string]$fault.kind) {
    'throw' { $Caller.ThrowTerminatingError((New-FakeErrorRecord $message "FakeWindows.$Cmdlet")) }
    'error' { $Caller.WriteError((New-FakeErrorRecord $message "FakeWindows.$Cmdlet")); & $Produce }
    'warning' { Write-Warning $message; & $Produce }
    'verbose' { Write-Verbose $message -Verbose; & $Produce }
    'progress' { Write-Progress -Activity $Cmdlet -Status $message -PercentComplete 50; & $Produce }
    'information' { Write-Information $message -InformationAction Continue; & $Produce }
    'host' { Write-Host $message; & $Produce }
    'null' { return $null }
    'single' { return (@(& $Produce) | Select-Object -First 1) }
    'empty' { return }
    'many' {
      $first = @(& $Produce) | Select-Object -First 1
      $count = if ($fault.PSObject.Properties['count']) { [int]$fault.count } else { 100 }
      for ($i = 0; $i -lt $count; $i++) { $first }
    }
    'slow' {
      $ms = if ($fault.PSObject.Properties['ms']) { [int]$fault.ms } else { 1000 }
      Start-Sleep -Milliseconds $ms
      & $Produce
    }
    default { throw "FakeWindows: unknown fault kind '$($fault.kind)'" }
  }
}

# ---- CIM -----------------------------------------------------------------------------------

# A small WQL filter: `Prop=Value [AND Prop=Value]…`, values 'quoted' (\\ and \' escaped) or numbers.
function script:Test-WqlFilter($Instance, [string]$Filter) {
  if (-not $Filter) { return $true }
  foreach ($clause in ($Filter -split '\s+AND\s+')) {
    if ($clause -notmatch "^\s*(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))\s*$") { throw "FakeWindows: WQL not understood: $clause" }
    $name = $Matches[1]
    $want = if ($null -ne $Matches[2]) { $Matches[2] -replace '\\(.)', '$1' } else { $Matches[3] }
    if ($name -in 'Timeout') { continue }
    $have = $Instance.PSObject.Properties[$name]
    if ($null -eq $have -or [string]$have.Value -ne $want) { return $false }
  }
  return $true
}

function script:Get-PingStatus([string]$Filter) {
  if ($Filter -notmatch "Address='([^']+)'") { return }
  $address = $Matches[1]
  $answers = Get-Data 'pingStatus'
  $reply = if ($null -ne $answers -and $answers.ContainsKey($address)) { $answers[$address] }
  elseif ($address -like '127.*') { @{ StatusCode = 0; ResponseTime = 0 } }
  else { @{ StatusCode = 11010; ResponseTime = $null } }  # IP_REQ_TIMED_OUT
  New-Record (@{ Address = $address } + $reply) 'Win32_PingStatus' 'Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_PingStatus'
}

<#
  Get-CimInstance: https://learn.microsoft.com/powershell/module/cimcmdlets/get-ciminstance
  Classes: Win32_OperatingSystem, Win32_Processor, Win32_ComputerSystem(Product), Win32_BaseBoard,
  Win32_BIOS, Win32_LogicalDisk, Win32_Battery, Win32_Printer, Win32_PingStatus (root/cimv2);
  BatteryStaticData, BatteryFullChargedCapacity, MSAcpi_ThermalZoneTemperature (root/wmi);
  AntiVirusProduct (root/SecurityCenter2). A class given as { "error": "…" } fails like WMI does
  (e.g. "Not supported" for thermal zones on most desktops); an unknown class is "Invalid class".
#>
function Get-CimInstance {
  [CmdletBinding()]
  param(
    [Parameter(Position = 0)][string]$ClassName,
    [string]$Namespace = 'root/cimv2',
    [string]$Filter,
    [string]$Query
  )
  if ($Query -match '^\s*SELECT\s+\*\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+))?$') { $ClassName = $Matches[1]; $Filter = $Matches[2] }
  $ns = ($Namespace -replace '\\', '/').ToLowerInvariant()
  Invoke-Faulted $PSCmdlet 'Get-CimInstance' {
    if ($ClassName -eq 'Win32_PingStatus') { return (Get-PingStatus $Filter) }
    $cim = Get-Data 'cim'
    $classes = if ($null -ne $cim -and $cim.ContainsKey($ns)) { $cim[$ns] } else { $null }
    if ($null -eq $classes -or -not $classes.ContainsKey($ClassName)) {
      $PSCmdlet.WriteError((New-FakeErrorRecord 'Invalid class ' 'HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand' 'MetadataError' $ClassName))
      return
    }
    $data = $classes[$ClassName]
    if ($data -is [System.Collections.IDictionary] -and $data.ContainsKey('error')) {
      $PSCmdlet.WriteError((New-FakeErrorRecord ([string]$data['error']) 'HRESULT 0x8004100c,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand' 'NotImplemented' $ClassName))
      return
    }
    foreach ($item in @($data)) {
      $o = New-Record $item $ClassName "Microsoft.Management.Infrastructure.CimInstance#$ns/$ClassName"
      if (Test-WqlFilter $o $Filter) { $o }
    }
  } $ClassName
}

<#
  Invoke-CimMethod: https://learn.microsoft.com/powershell/module/cimcmdlets/invoke-cimmethod
  Only Win32_Printer.PrintTestPage (ReturnValue: 0 = success, 5 = access denied), from the
  printer's `PrintTestPageReturnValue` in the data (default 0).
#>
function Invoke-CimMethod {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline)]$InputObject, [Parameter(Mandatory)][string]$MethodName, [System.Collections.IDictionary]$Arguments)
  process {
    Invoke-Faulted $PSCmdlet 'Invoke-CimMethod' {
      if ($MethodName -ne 'PrintTestPage') { $PSCmdlet.WriteError((New-FakeErrorRecord "Method not found: $MethodName" 'MethodNotFound' 'ObjectNotFound')); return }
      $rv = if ($InputObject.PSObject.Properties['PrintTestPageReturnValue']) { $InputObject.PrintTestPageReturnValue } else { 0 }
      [pscustomobject]@{ ReturnValue = [uint32]$rv; PSComputerName = $null }
    } $MethodName
  }
}

# ---- Registry (HKLM:, HKCU:) ---------------------------------------------------------------

function script:Test-RegistryPath([string]$Path) { return $Path -match '^(HKLM|HKCU|HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER):?\\' }

function script:Get-RegistryKeyName([string]$Path) {
  $p = $Path -replace '^HKEY_LOCAL_MACHINE:?', 'HKLM:' -replace '^HKEY_CURRENT_USER:?', 'HKCU:'
  return $p.TrimEnd('\')
}

# Keys matching $Path (wildcards allowed in the last part), as (name, values) pairs.
function script:Find-RegistryKeys([string]$Path) {
  $want = Get-RegistryKeyName $Path
  $registry = Get-Data 'registry'
  foreach ($name in $registry.Keys) {
    if ($name -like $want) { [pscustomobject]@{ Name = $name; Values = $registry[$name] } }
  }
}

function script:Convert-RegistryValue($Value) {
  if ($Value -is [long] -and $Value -ge [int]::MinValue -and $Value -le [int]::MaxValue) { return [int]$Value }  # REG_DWORD
  if ($Value -is [System.Collections.IList]) { return [string[]]@($Value) }  # REG_MULTI_SZ
  return $Value
}

function script:New-RegistryValues($Key) {
  $o = [ordered]@{}
  foreach ($k in $Key.Values.Keys) { $o[$k] = Convert-RegistryValue $Key.Values[$k] }
  $leaf = $Key.Name.Split('\')[-1]
  $parent = $Key.Name.Substring(0, $Key.Name.Length - $leaf.Length - 1)
  $hive = if ($Key.Name.StartsWith('HKLM:')) { 'HKEY_LOCAL_MACHINE' } else { 'HKEY_CURRENT_USER' }
  $o['PSPath'] = "Microsoft.PowerShell.Core\Registry::$hive$($Key.Name.Substring(4))"
  $o['PSParentPath'] = "Microsoft.PowerShell.Core\Registry::$hive$($parent.Substring(4))"
  $o['PSChildName'] = $leaf
  $o['PSDrive'] = $Key.Name.Substring(0, 4)
  $o['PSProvider'] = 'Microsoft.PowerShell.Core\Registry'
  return [pscustomobject]$o
}

function script:Write-PathNotFound($Caller, [string]$Path) {
  $Caller.WriteError((New-FakeErrorRecord "Cannot find path '$Path' because it does not exist." 'PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand' 'ObjectNotFound' $Path))
}

<#
  Get-ItemProperty for HKLM:/HKCU: keys: https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-itemproperty
  REG_DWORD values are Int32, REG_MULTI_SZ string[], REG_SZ string. Other paths go to the real cmdlet.
#>
function Get-ItemProperty {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(Position = 0, ParameterSetName = 'Path', ValueFromPipelineByPropertyName)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath')][Alias('PSPath')][string[]]$LiteralPath,
    [Parameter(Position = 1)][string[]]$Name
  )
  $paths = if ($PSCmdlet.ParameterSetName -eq 'Path') { $Path } else { $LiteralPath }
  if (-not ($paths | Where-Object { Test-RegistryPath $_ })) {
    return Microsoft.PowerShell.Management\Get-ItemProperty @PSBoundParameters
  }
  Invoke-Faulted $PSCmdlet 'Get-ItemProperty' {
    foreach ($p in $paths) {
      $keys = @(Find-RegistryKeys $p)
      if ($keys.Count -eq 0) {
        if (-not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($p)) { Write-PathNotFound $PSCmdlet $p }
        continue
      }
      foreach ($key in $keys) {
        $values = New-RegistryValues $key
        if ($Name) {
          $missing = @($Name | Where-Object { -not $key.Values.ContainsKey($_) })
          if ($missing.Count -gt 0) {
            $PSCmdlet.WriteError((New-FakeErrorRecord "Property $($missing[0]) does not exist at path $($values.PSPath.Split('::')[-1])." 'System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyCommand' 'InvalidArgument' $missing[0]))
            continue
          }
          $values | Select-Object -Property (@($Name) + 'PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider')
        } else { $values }
      }
    }
  }
}

<#
  Get-Item for registry keys: an object with `Name` and `Property` (the value names), like
  Microsoft.Win32.RegistryKey as PowerShell shows it. Other paths go to the real cmdlet.
#>
function Get-Item {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(Position = 0, ParameterSetName = 'Path', ValueFromPipelineByPropertyName)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath')][Alias('PSPath')][string[]]$LiteralPath,
    [switch]$Force
  )
  $paths = if ($PSCmdlet.ParameterSetName -eq 'Path') { $Path } else { $LiteralPath }
  if (-not ($paths | Where-Object { Test-RegistryPath $_ })) { return Microsoft.PowerShell.Management\Get-Item @PSBoundParameters }
  Invoke-Faulted $PSCmdlet 'Get-Item' {
    foreach ($p in $paths) {
      $keys = @(Find-RegistryKeys $p)
      if ($keys.Count -eq 0) { Write-PathNotFound $PSCmdlet $p; continue }
      foreach ($key in $keys) {
        $hive = if ($key.Name.StartsWith('HKLM:')) { 'HKEY_LOCAL_MACHINE' } else { 'HKEY_CURRENT_USER' }
        [pscustomobject]@{ PSTypeName = 'Microsoft.Win32.RegistryKey'; Name = "$hive$($key.Name.Substring(4))"; Property = [string[]]@($key.Values.Keys); SubKeyCount = 0; ValueCount = $key.Values.Count }
      }
    }
  }
}

# Test-Path: registry keys from the data; anything else to the real cmdlet.
function Test-Path {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param(
    [Parameter(Position = 0, ParameterSetName = 'Path', ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralPath')][Alias('PSPath')][string[]]$LiteralPath,
    [Microsoft.PowerShell.Commands.TestPathType]$PathType = 'Any'
  )
  $paths = if ($PSCmdlet.ParameterSetName -eq 'Path') { $Path } else { $LiteralPath }
  if (-not ($paths | Where-Object { Test-RegistryPath $_ })) { return Microsoft.PowerShell.Management\Test-Path @PSBoundParameters }
  Invoke-Faulted $PSCmdlet 'Test-Path' { foreach ($p in $paths) { @(Find-RegistryKeys $p).Count -gt 0 } }
}

# ---- Certificates (Cert:) ------------------------------------------------------------------

<#
  Get-ChildItem Cert:\<location>\<store>: System.Security.Cryptography.X509Certificates.X509Certificate2
  objects (https://learn.microsoft.com/powershell/module/microsoft.powershell.security/about/about_certificate_provider).
  Data: "certs": { "CurrentUser\\My": [ { "pfx": base64 } | { "der": base64 } ] }; a PFX (no
  password) gives HasPrivateKey = true. Other paths go to the real cmdlet.
#>
function Get-ChildItem {
  [CmdletBinding(DefaultParameterSetName = 'Items')]
  param(
    [Parameter(Position = 0, ParameterSetName = 'Items', ValueFromPipeline)][string[]]$Path,
    [Parameter(ParameterSetName = 'LiteralItems')][Alias('PSPath')][string[]]$LiteralPath,
    [Parameter(Position = 1)][string]$Filter,
    [switch]$Recurse, [switch]$Force, [switch]$Name, [switch]$File, [switch]$Directory
  )
  $paths = if ($PSCmdlet.ParameterSetName -eq 'Items') { $Path } else { $LiteralPath }
  if (-not ($paths | Where-Object { $_ -match '^Cert:' })) { return Microsoft.PowerShell.Management\Get-ChildItem @PSBoundParameters }
  Invoke-Faulted $PSCmdlet 'Get-ChildItem' {
    $certs = Get-Data 'certs'
    foreach ($p in $paths) {
      $store = ($p -replace '^Cert:\\?', '').TrimEnd('\')
      $match = @($certs.Keys | Where-Object { $_ -eq $store })
      if ($match.Count -eq 0) {
        $PSCmdlet.WriteError((New-FakeErrorRecord "Cannot find path '$p' because it does not exist." 'PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand' 'ObjectNotFound' $p))
        continue
      }
      foreach ($c in @($certs[$match[0]])) {
        if ($c.ContainsKey('pfx')) {
          [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([Convert]::FromBase64String($c['pfx']), [string]'', [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::EphemeralKeySet)
        } else {
          [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([Convert]::FromBase64String($c['der']))
        }
      }
    }
  }
}

# ---- Network (NetAdapter, NetTCPIP, DnsClient, NetSecurity) --------------------------------

<#
  Get-NetAdapter: https://learn.microsoft.com/powershell/module/netadapter/get-netadapter
  MSFT_NetAdapter: Name, InterfaceDescription, ifIndex (UInt32), InterfaceGuid, Status (text),
  MacAddress ("B0-4F-13-…"), ReceiveLinkSpeed (UInt64, bit/s), PhysicalMediaType (text), Virtual.
  -Physical: the adapters that are not virtual.
#>
function Get-NetAdapter {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name = '*', [switch]$Physical, [switch]$IncludeHidden)
  Invoke-Faulted $PSCmdlet 'Get-NetAdapter' {
    foreach ($a in @(New-Records 'netAdapters' 'NetAdapter' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter')) {
      if ($Physical -and $a.Virtual) { continue }
      if (@($Name | Where-Object { $a.Name -like $_ }).Count -gt 0) { $a }
    }
  }
}

function script:Select-Family($Records, [string]$AddressFamily) {
  foreach ($r in $Records) { if (-not $AddressFamily -or [string]$r.AddressFamily -eq $AddressFamily -or [string][int]$r.AddressFamily -eq $AddressFamily) { $r } }
}

# Get-NetIPAddress: https://learn.microsoft.com/powershell/module/nettcpip/get-netipaddress
function Get-NetIPAddress {
  [CmdletBinding()]
  param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [uint32[]]$InterfaceIndex)
  Invoke-Faulted $PSCmdlet 'Get-NetIPAddress' {
    Select-Family @(New-Records 'netIPAddresses' 'NetIPAddress' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress') $AddressFamily |
      Where-Object { -not $InterfaceIndex -or $_.InterfaceIndex -in $InterfaceIndex }
  }
}

# Get-NetRoute: https://learn.microsoft.com/powershell/module/nettcpip/get-netroute ("No matching MSFT_NetRoute objects" when none).
function Get-NetRoute {
  [CmdletBinding()]
  param([string[]]$DestinationPrefix, [ValidateSet('IPv4', 'IPv6')][string]$AddressFamily)
  Invoke-Faulted $PSCmdlet 'Get-NetRoute' {
    $found = @(Select-Family @(New-Records 'netRoutes' 'NetRoute' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetRoute') $AddressFamily |
        Where-Object { -not $DestinationPrefix -or $_.DestinationPrefix -in $DestinationPrefix })
    if ($found.Count -eq 0) { $PSCmdlet.WriteError((New-FakeErrorRecord "No matching MSFT_NetRoute objects found by CIM query for instances of the ROOT/StandardCimv2/MSFT_NetRoute class on the  CIM server: SELECT * FROM MSFT_NetRoute  WHERE ((DestinationPrefix LIKE '$DestinationPrefix')). Verify query parameters and retry." 'CmdletizationQuery_NotFound,Get-NetRoute' 'ObjectNotFound')) }
    $found
  }
}

# Get-DnsClientServerAddress: https://learn.microsoft.com/powershell/module/dnsclient/get-dnsclientserveraddress (AddressFamily 2 = IPv4, 23 = IPv6).
function Get-DnsClientServerAddress {
  [CmdletBinding()]
  param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [uint32[]]$InterfaceIndex)
  Invoke-Faulted $PSCmdlet 'Get-DnsClientServerAddress' {
    $family = switch ($AddressFamily) { 'IPv4' { 2 } 'IPv6' { 23 } default { $null } }
    New-Records 'dnsClientServerAddresses' 'DnsClientServerAddress' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_DNSClientServerAddress' |
      Where-Object { ($null -eq $family -or $_.AddressFamily -eq $family) -and (-not $InterfaceIndex -or $_.InterfaceIndex -in $InterfaceIndex) }
  }
}

# Get-NetNeighbor: https://learn.microsoft.com/powershell/module/nettcpip/get-netneighbor (State: MSFT_NetNeighbor).
function Get-NetNeighbor {
  [CmdletBinding()]
  param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily)
  Invoke-Faulted $PSCmdlet 'Get-NetNeighbor' {
    Select-Family @(New-Records 'netNeighbors' 'NetNeighbor' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNeighbor') $AddressFamily
  }
}

# Get-NetFirewallProfile: https://learn.microsoft.com/powershell/module/netsecurity/get-netfirewallprofile (Enabled: GpoBoolean).
function Get-NetFirewallProfile {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name = '*')
  Invoke-Faulted $PSCmdlet 'Get-NetFirewallProfile' {
    New-Records 'netFirewallProfiles' 'NetFirewallProfile' 'Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/MSFT_NetFirewallProfile' |
      Where-Object { $p = $_; @($Name | Where-Object { $p.Name -like $_ }).Count -gt 0 }
  }
}

# ---- Storage, updates, services, devices, processes, time zone, culture ---------------------

# Get-PhysicalDisk: https://learn.microsoft.com/powershell/module/storage/get-physicaldisk (MSFT_PhysicalDisk).
function Get-PhysicalDisk {
  [CmdletBinding()]
  param([string[]]$FriendlyName = '*')
  Invoke-Faulted $PSCmdlet 'Get-PhysicalDisk' {
    New-Records 'physicalDisks' 'PhysicalDisk' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_PhysicalDisk' |
      Where-Object { $d = $_; @($FriendlyName | Where-Object { $d.FriendlyName -like $_ }).Count -gt 0 }
  }
}

# Get-HotFix: https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-hotfix (Win32_QuickFixEngineering; InstalledOn DateTime).
function Get-HotFix {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Id)
  Invoke-Faulted $PSCmdlet 'Get-HotFix' {
    New-Records 'hotFixes' 'HotFix' 'FakeWindows.Win32_QuickFixEngineering' |
      Where-Object { -not $Id -or $_.HotFixID -in $Id }
  }
}

function script:Get-ServiceRecords {
  foreach ($s in @(New-Records 'services' 'Service' 'System.ServiceProcess.ServiceController')) {
    if ($s.Name -eq 'Spooler' -and $script:SpoolerRestarted) { $s.Status = [System.ServiceProcess.ServiceControllerStatus]::Running }
    $s
  }
}

<#
  Get-Service: https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-service
  Status: System.ServiceProcess.ServiceControllerStatus (Stopped = 1, Running = 4);
  StartType: System.ServiceProcess.ServiceStartMode (Automatic = 2, Manual = 3, Disabled = 4).
#>
function Get-Service {
  [CmdletBinding()]
  param([Parameter(Position = 0, ValueFromPipeline)][string[]]$Name = '*')
  Invoke-Faulted $PSCmdlet 'Get-Service' {
    $all = @(Get-ServiceRecords)
    $seen = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($n in $Name) {
      $found = @($all | Where-Object { $_.Name -like $n })
      if ($found.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($n)) {
        $PSCmdlet.WriteError((New-FakeErrorRecord "Cannot find any service with service name '$n'." 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand' 'ObjectNotFound' $n))
      }
      foreach ($s in $found) { if ($seen.Add($s.Name)) { $s } }
    }
  }
}

# Restart-Service: starts the (fake) service; an injected 'error'/'throw' fault stands for access denied.
function Restart-Service {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name, [switch]$Force, [switch]$PassThru)
  Invoke-Faulted $PSCmdlet 'Restart-Service' {
    foreach ($n in $Name) {
      if (@(Get-ServiceRecords | Where-Object { $_.Name -eq $n }).Count -eq 0) {
        $PSCmdlet.WriteError((New-FakeErrorRecord "Cannot find any service with service name '$n'." 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.RestartServiceCommand' 'ObjectNotFound' $n))
        continue
      }
      if ($n -eq 'Spooler') { $script:SpoolerRestarted = $true }
    }
  }
}
$script:SpoolerRestarted = $false

# Get-PnpDevice: https://learn.microsoft.com/powershell/module/pnpdevice/get-pnpdevice (Win32_PnPEntity: FriendlyName, InstanceId, Class, Status, Present).
function Get-PnpDevice {
  [CmdletBinding()]
  param([switch]$PresentOnly, [string[]]$Class)
  Invoke-Faulted $PSCmdlet 'Get-PnpDevice' {
    New-Records 'pnpDevices' 'PnpDevice' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/cimv2/Win32_PnPEntity' |
      Where-Object { (-not $PresentOnly -or $_.Present) -and (-not $Class -or $_.Class -in $Class) }
  }
}

<#
  Get-Process -Name (wildcards): https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-process
  A name without wildcard that matches nothing is a non-terminating error, as on Windows.
#>
function Get-Process {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name = '*')
  Invoke-Faulted $PSCmdlet 'Get-Process' {
    $all = @(New-Records 'processes' 'Process' 'FakeWindows.System.Diagnostics.Process')
    $seen = [System.Collections.Generic.HashSet[int]]::new()
    foreach ($n in $Name) {
      $found = @($all | Where-Object { $_.Name -like $n })
      if ($found.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($n)) {
        $PSCmdlet.WriteError((New-FakeErrorRecord "Cannot find a process with the name `"$n`". Verify the process name and call the cmdlet again." 'NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand' 'ObjectNotFound' $n))
      }
      foreach ($p in $found) { if ($seen.Add($p.Id)) { $p } }  # each process once, as Get-Process does
    }
  }
}

# Get-TimeZone: a System.TimeZoneInfo with the Windows id (https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-timezone).
function Get-TimeZone {
  [CmdletBinding()]
  param()
  Invoke-Faulted $PSCmdlet 'Get-TimeZone' {
    $z = Get-Data 'timeZone'
    [TimeZoneInfo]::CreateCustomTimeZone([string]$z['Id'], [TimeSpan]::FromMinutes([double]$z['BaseUtcOffsetMinutes']), [string]$z['DisplayName'], [string]$z['StandardName'])
  }
}

# Get-Culture / Get-UICulture: the machine's System.Globalization.CultureInfo (vi-VN: code pages 1258).
function Get-Culture {
  [CmdletBinding()]
  param()
  Invoke-Faulted $PSCmdlet 'Get-Culture' { [Globalization.CultureInfo]::new([string](Get-Data 'culture')) }
}

function Get-UICulture {
  [CmdletBinding()]
  param()
  Invoke-Faulted $PSCmdlet 'Get-UICulture' { [Globalization.CultureInfo]::new([string](Get-Data 'uiCulture')) }
}

# ---- Printing (PrintManagement) ------------------------------------------------------------

function script:Test-Spooler($Caller, [string]$Id) {
  $spooler = @(Get-ServiceRecords | Where-Object { $_.Name -eq 'Spooler' })
  if ($spooler.Count -gt 0 -and $spooler[0].Status -eq [System.ServiceProcess.ServiceControllerStatus]::Running) { return $true }
  $Caller.WriteError((New-FakeErrorRecord ([string](Get-Data 'messages')['spoolerDown']) "HRESULT 0x800706ba,$Id" 'NotSpecified'))
  return $false
}

function script:Get-PrinterRecords {
  foreach ($p in @(Get-Data 'printers')) {
    $data = @{}
    foreach ($k in $p.Keys) { if ($k -ne 'Jobs') { $data[$k] = $p[$k] } }
    $live = @(Get-JobRecords $p['Name']).Count
    $data['JobCount'] = $live
    New-Record $data 'Printer' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_Printer'
  }
}

function script:Get-JobRecords([string]$PrinterName) {
  foreach ($p in @(Get-Data 'printers')) {
    if ($p['Name'] -ne $PrinterName) { continue }
    foreach ($j in @($p['Jobs'])) {
      if ($null -eq $j -or $script:RemovedJobs.Contains("$PrinterName/$($j['Id'])")) { continue }
      New-Record (@{ PrinterName = $PrinterName } + $j) 'PrintJob' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_PrintJob'
    }
  }
}

# Get-Printer: https://learn.microsoft.com/powershell/module/printmanagement/get-printer (MSFT_Printer).
function Get-Printer {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name = '*')
  Invoke-Faulted $PSCmdlet 'Get-Printer' {
    if (-not (Test-Spooler $PSCmdlet 'Get-Printer')) { return }
    Get-PrinterRecords | Where-Object { $p = $_; @($Name | Where-Object { $p.Name -like $_ }).Count -gt 0 }
  }
}

# Get-PrintJob -PrinterName: https://learn.microsoft.com/powershell/module/printmanagement/get-printjob (MSFT_PrintJob).
function Get-PrintJob {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][string]$PrinterName)
  Invoke-Faulted $PSCmdlet 'Get-PrintJob' {
    if (-not (Test-Spooler $PSCmdlet 'Get-PrintJob')) { return }
    if (@(Get-Data 'printers' | Where-Object { $_['Name'] -eq $PrinterName }).Count -eq 0) {
      $PSCmdlet.WriteError((New-FakeErrorRecord "The specified printer was not found." 'HRESULT 0x80070709,Get-PrintJob' 'ObjectNotFound' $PrinterName))
      return
    }
    Get-JobRecords $PrinterName
  }
}

# Remove-PrintJob -InputObject (pipeline): https://learn.microsoft.com/powershell/module/printmanagement/remove-printjob
function Remove-PrintJob {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline)]$InputObject, [string]$PrinterName, [uint32]$ID)
  process {
    Invoke-Faulted $PSCmdlet 'Remove-PrintJob' {
      if ($null -ne $InputObject) { [void]$script:RemovedJobs.Add("$($InputObject.PrinterName)/$($InputObject.Id)") }
      elseif ($PrinterName) { [void]$script:RemovedJobs.Add("$PrinterName/$ID") }
    }
  }
}

# Get-PrinterPort: https://learn.microsoft.com/powershell/module/printmanagement/get-printerport (MSFT_TcpIpPrinterPort &c.).
function Get-PrinterPort {
  [CmdletBinding()]
  param([Parameter(Position = 0)][string[]]$Name = '*')
  Invoke-Faulted $PSCmdlet 'Get-PrinterPort' {
    if (-not (Test-Spooler $PSCmdlet 'Get-PrinterPort')) { return }
    New-Records 'printerPorts' 'PrinterPort' 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_PrinterPort' |
      Where-Object { $p = $_; @($Name | Where-Object { $p.Name -like $_ }).Count -gt 0 }
  }
}

Export-ModuleMember -Function @(
  'Get-CimInstance', 'Invoke-CimMethod', 'Get-ItemProperty', 'Get-Item', 'Test-Path', 'Get-ChildItem',
  'Get-NetAdapter', 'Get-NetIPAddress', 'Get-NetRoute', 'Get-DnsClientServerAddress', 'Get-NetNeighbor',
  'Get-NetFirewallProfile', 'Get-PhysicalDisk', 'Get-HotFix', 'Get-Service', 'Restart-Service',
  'Get-PnpDevice', 'Get-Process', 'Get-TimeZone', 'Get-Culture', 'Get-UICulture',
  'Get-Printer', 'Get-PrintJob', 'Remove-PrintJob', 'Get-PrinterPort'
)
