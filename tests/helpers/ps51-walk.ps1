# Parses PowerShell program texts with the real parser and walks each syntax tree for what
# Windows PowerShell 5.1 does not have (the rules in diagnostics/windows/ps51-forbidden.json).
# Runs in pwsh 7 (whose parser knows the newer syntax, so it can name it).
#   pwsh -NoProfile -File ps51-walk.ps1 -InputPath scripts.json -RulesPath ps51-forbidden.json
# scripts.json: [{ "id": "...", "text": "..." }]. Prints one JSON array:
#   [{ "id", "parseErrors": [{ "message", "line" }], "findings": [{ "rule", "line", "text" }] }]
param(
  [Parameter(Mandatory)] [string] $InputPath,
  [Parameter(Mandatory)] [string] $RulesPath
)
$ErrorActionPreference = 'Stop'
$rules = @((Get-Content -Raw -LiteralPath $RulesPath | ConvertFrom-Json).rules)
$scripts = @(Get-Content -Raw -LiteralPath $InputPath | ConvertFrom-Json)

# True when the node's type, or one of its base types, is named $name.
function Test-AstType($node, [string] $name) {
  $t = $node.GetType()
  while ($null -ne $t) {
    if ($t.Name -eq $name) { return $true }
    $t = $t.BaseType
  }
  return $false
}

function Get-Names($match, [string] $key) {
  $names = @($match.$key)
  if ($match.PSObject.Properties['aliases']) { $names += @($match.aliases) }
  return $names
}

# True when a command's parameter name (maybe abbreviated) stands for $full.
function Test-Parameter([string] $given, [string] $full) {
  return $given.Length -ge 2 -and $full.StartsWith($given, [StringComparison]::OrdinalIgnoreCase)
}

function Test-Rule($node, $match) {
  switch ($match.kind) {
    'ast' { return (Test-AstType $node $match.type) }
    'operator' { return (Test-AstType $node $match.type) -and ([string]$node.Operator -eq $match.operator) }
    'flag' {
      if (-not (Test-AstType $node $match.type)) { return $false }
      $value = $node.($match.property)
      return ($value -is [bool] -and $value) -or ($value -isnot [bool] -and $null -ne $value)
    }
    'command' {
      if ($node -isnot [System.Management.Automation.Language.CommandAst]) { return $false }
      return (Get-Names $match 'name') -contains $node.GetCommandName()
    }
    'parameter' {
      if ($node -isnot [System.Management.Automation.Language.CommandAst]) { return $false }
      if ((Get-Names $match 'command') -notcontains $node.GetCommandName()) { return $false }
      foreach ($element in $node.CommandElements) {
        if ($element -is [System.Management.Automation.Language.CommandParameterAst] -and
          (Test-Parameter $element.ParameterName $match.parameter)) { return $true }
      }
      return $false
    }
    'variable' {
      if ($node -isnot [System.Management.Automation.Language.VariableExpressionAst]) { return $false }
      return (Get-Names $match 'name') -contains $node.VariablePath.UserPath
    }
    default { throw "unknown match kind: $($match.kind)" }
  }
}

$report = foreach ($script in $scripts) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput([string]$script.text, [ref]$tokens, [ref]$errors)
  $findings = foreach ($node in $ast.FindAll({ $true }, $true)) {
    foreach ($rule in $rules) {
      if (Test-Rule $node $rule.match) {
        [ordered]@{ rule = $rule.id; line = $node.Extent.StartLineNumber; text = $node.Extent.Text.Substring(0, [Math]::Min(80, $node.Extent.Text.Length)) }
      }
    }
  }
  [ordered]@{
    id = $script.id
    parseErrors = @(foreach ($e in $errors) { [ordered]@{ message = $e.Message; line = $e.Extent.StartLineNumber } })
    findings = @($findings)
  }
}
ConvertTo-Json -InputObject @($report) -Depth 5 -Compress
