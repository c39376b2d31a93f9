<#
.SYNOPSIS
    Remakes docs/report.png, the README's picture of an Export-IRJobReport report, from the emulator's sample job
    nightly-resnet50: the whole page at 1120 by 2200 pixels. Run after build.ps1 Build, with Chromium installed:
        dotnet pwsh ./build.ps1 Build; dotnet pwsh ./docs/New-ReportScreenshot.ps1
    When pngquant is on the PATH (Debian: apt-get install pngquant), the PNG is reduced to a palette, about a third
    of the size.
#>
param(
    [string] $OutFile = (Join-Path $PSScriptRoot 'report.png'),
    [int] $Width = 1120,
    [int] $Height = 2200
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $root 'tests/Emulator/Emulator.ps1')
. (Join-Path $root 'tests/Pester/BrowserTestHelpers.ps1')
$env:AWS_EC2_METADATA_DISABLED = 'true'
$emulator = Start-IRStepsEmulator -Path (Join-Path $root 'out/emulator/IRSteps.Emulator.dll')
$report = Join-Path ([IO.Path]::GetTempPath()) ('irsteps-report-' + [Guid]::NewGuid().ToString('N') + '.html')
try {
    $env:AWS_ACCESS_KEY_ID = 'AKIDTESTDEMO'
    $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret -AccessKey 'AKIDTESTDEMO'
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
    Import-Module (Join-Path $root 'out/IRSteps/IRSteps.psd1') -Force

    # The README's line.
    Get-IRJob -JobName nightly-resnet50 |
        ForEach-Object { $_; Get-IRJobStep -JobName $_.JobName } |
        Export-IRJobReport -Path $report

    $null = Invoke-Chromium -Path $report -Argument "--window-size=$Width,$Height", "--screenshot=$OutFile"
    if (Get-Command pngquant -CommandType Application -ErrorAction Ignore) {
        & pngquant --quality 70-90 --speed 1 --strip --force --output $OutFile $OutFile
        if ($LASTEXITCODE -ne 0) { throw "pngquant failed with exit code $LASTEXITCODE" }
    }
    Write-Host "Wrote $OutFile ($((Get-Item $OutFile).Length) bytes)"
}
finally {
    Stop-IRStepsEmulator $emulator
    Remove-Item -LiteralPath $report -ErrorAction Ignore
    Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY, Env:AWS_REGION, Env:AWS_ENDPOINT_URL_SAGEMAKER -ErrorAction Ignore
}
