@{
  RootModule        = 'FakeWindows.psm1'
  ModuleVersion     = '1.0.0'
  GUID              = '6b0f3f1e-2c4a-4d7e-9a51-3e8d2b7c4f10'
  Author            = 'Xa So tests'
  Description       = 'Fake Windows cmdlets for running the Xa So PowerShell scripts in pwsh on Linux (tests only).'
  PowerShellVersion = '7.4'
  FunctionsToExport = @(
    'Get-CimInstance', 'Invoke-CimMethod', 'Get-ItemProperty', 'Get-Item', 'Test-Path', 'Get-ChildItem',
    'Get-NetAdapter', 'Get-NetIPAddress', 'Get-NetRoute', 'Get-DnsClientServerAddress', 'Get-NetNeighbor',
    'Get-NetFirewallProfile', 'Get-PhysicalDisk', 'Get-HotFix', 'Get-Service', 'Restart-Service',
    'Get-PnpDevice', 'Get-Process', 'Get-TimeZone', 'Get-Culture', 'Get-UICulture',
    'Get-Printer', 'Get-PrintJob', 'Remove-PrintJob', 'Get-PrinterPort'
  )
  CmdletsToExport   = @()
  VariablesToExport = @()
  AliasesToExport   = @()
}
