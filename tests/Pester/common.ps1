# Dot-sourced by every tests/Pester/*.Tests.ps1 inside BeforeAll. Imports what ships (out/IRSteps, never src/),
# loads the emulator helpers, and keeps the machine's own AWS settings out of the tests.

$script:RepoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$script:ModuleManifest = Join-Path $RepoRoot 'out/IRSteps/IRSteps.psd1'
$script:EmulatorDll = Join-Path $RepoRoot 'out/emulator/IRSteps.EmulatorHost.dll'

. (Join-Path $PSScriptRoot '../Emulator/Emulator.ps1')

if (-not (Get-Module IRSteps)) {
    Import-Module $ModuleManifest -ErrorAction Stop
}

function Reset-TestAwsEnvironment {
    # Clears every AWS_* variable and points the profile files at an empty temporary folder,
    # so that no test reads the machine's profiles and none reaches for instance metadata.
    Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "Env:$($_.Name)" }
    $testHome = Join-Path ([IO.Path]::GetTempPath()) ("irsteps-home-" + [Guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Force -Path (Join-Path $testHome '.aws') | Out-Null
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $testHome '.aws/credentials'
    $env:AWS_CONFIG_FILE = Join-Path $testHome '.aws/config'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction Ignore
    return $testHome
}

function Use-EmulatorCredential {
    # Points the AWS environment at the emulator with a valid test key (AKIDTEST* keys, secret by rule).
    param(
        [Parameter(Mandatory)] $Emulator,
        [string] $AccessKey = 'AKIDTESTPESTER',
        [string] $Region = 'us-east-1'
    )
    $env:AWS_ACCESS_KEY_ID = $AccessKey
    $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret -AccessKey $AccessKey
    $env:AWS_REGION = $Region
    $env:AWS_ENDPOINT_URL_SAGEMAKER = $Emulator.Url
}

$null = Reset-TestAwsEnvironment
