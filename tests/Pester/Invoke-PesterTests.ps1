<#
.SYNOPSIS
    Runs the Pester tests (tests/Pester/*.Tests.ps1) against out/IRSteps and writes their counts as JSON.
    Called by build.ps1 Test in a fresh pwsh, so the module under test loads into a clean session.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string[]] $Path = @(Join-Path $PSScriptRoot '*.Tests.ps1')
)

$ErrorActionPreference = 'Stop'
$env:AWS_EC2_METADATA_DISABLED = 'true'

# A Pester file anywhere else under tests/ would never run: refuse rather than skip it silently.
$stray = @(Get-ChildItem -Path (Split-Path -Parent $PSScriptRoot) -Recurse -File -Filter '*.Tests.ps1' |
        Where-Object { $_.DirectoryName -ne $PSScriptRoot -and $_.FullName -notmatch '[\\/]node_modules[\\/]' })
if ($stray) { throw "Pester files outside tests/Pester are not run; move them there: $($stray.FullName -join ', ')" }

Import-Module $PesterPath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.StackTraceVerbosity = 'Filtered'
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
