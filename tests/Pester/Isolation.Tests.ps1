# IRSteps beside another AWSSDK.Core, as AWS.Tools 4 (Core 3.7, assembly 3.3.0.0) or AWS.Tools 5 (Core 4.0,
# assembly 4.0.0.0 like ours) would load it: in a fresh pwsh, the other copy first or ours first. On PowerShell 7
# the module's SDK lives in a load context of its own, so both work and neither sees the other's types.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll

    # AWS.Tools' AWSPSCredentials compiled against the other copy, as Set-AWSCredential would hold it.
    $script:wrapperSource = Join-Path ([IO.Path]::GetTempPath()) ('irsteps-awspscredentials-' + [Guid]::NewGuid().ToString('N') + '.cs')
    Set-Content -Path $wrapperSource -Value ($AWSPSCredentialsSource -f 'Amazon.Runtime.AWSCredentials') -Encoding utf8

    function Invoke-BesideOtherCore {
        # Runs, in a fresh pwsh: the other AWSSDK.Core and IRSteps loaded in the given order, Get-IRJobStep with
        # environment keys, then the other copy's own credentials through -Credential and $StoredAWSCredentials.
        param([string] $Version, [ValidateSet('OtherFirst', 'OursFirst')] [string] $Order)
        $other = Get-OtherAwsSdkCorePath -Version $Version
        $script = @"
`$ErrorActionPreference = 'Stop'
function Get-SdkCore {
    foreach (`$context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        foreach (`$assembly in `$context.Assemblies) {
            if (`$assembly.GetName().Name -like 'AWSSDK.*') {
                [pscustomobject]@{ Default = (`$context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default); Name = `$assembly.GetName().Name; Version = `$assembly.GetName().Version.ToString(); Location = `$assembly.Location }
            }
        }
    }
}
`$result = [ordered]@{}
if ('$Order' -eq 'OtherFirst') { Add-Type -Path '$other' }
Import-Module '$ModuleManifest'
`$steps = @(Get-IRJobStep nightly-resnet50)
`$result.Steps = `$steps.Count
`$result.Typed = `$steps[0] -is [IRSteps.Model.InferenceRecommendationsJobStep]
`$result.DefaultBeforeOther = @(Get-SdkCore | Where-Object Default | ForEach-Object Location)
if ('$Order' -eq 'OursFirst') { Add-Type -Path '$other' }
`$theirs = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDTESTOTHERCOPY', 'emu/secret+AKIDTESTOTHERCOPY')
`$result.OtherVersion = [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version.ToString()
`$result.OtherLocation = [Amazon.Runtime.AWSCredentials].Assembly.Location
`$result.OtherKey = `$theirs.GetCredentials().AccessKey
`$result.ViaCredential = @(Get-IRJobStep nightly-resnet50 -Credential `$theirs).Count
Add-Type -Path '$wrapperSource' -ReferencedAssemblies '$other' -IgnoreWarnings
`$StoredAWSCredentials = [Amazon.PowerShell.Common.AWSPSCredentials]::Create([Amazon.Runtime.SessionAWSCredentials]::new('AKIDTESTSTOREDCOPY', 'emu/secret+AKIDTESTSTOREDCOPY', 'stored-token'), 'Supplied Key Parameters', 'Strings')
`$result.ViaStored = @(Get-IRJobStep nightly-resnet50).Count
`$result.OtherStillKey = `$theirs.GetCredentials().AccessKey
`$result.Cores = @(Get-SdkCore | Where-Object Name -eq 'AWSSDK.Core')
`$result | ConvertTo-Json -Compress -Depth 4
"@
        $child = Invoke-ChildPwsh -Script $script -Environment @{
            AWS_ACCESS_KEY_ID = 'AKIDTESTISOLATED'; AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTISOLATED'
            AWS_REGION = 'eu-west-1'; AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
        }
        $child.Errors | Should -BeNullOrEmpty
        [pscustomobject]@{ Result = ($child.Output[-1] | ConvertFrom-Json); Other = $other }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
    Remove-Item -Force -ErrorAction Ignore $wrapperSource
}

Describe 'Beside another AWSSDK.Core (PowerShell 7)' {
    BeforeEach {
        $null = Reset-TestAwsEnvironment
        Reset-IRStepsEmulator $emulator
    }

    It 'works with AWSSDK.Core <Version> (assembly <Assembly>) loaded <Order>, and leaves that copy working' -TestCases @(
        @{ Version = '3.7.402'; Assembly = '3.3.0.0'; Order = 'OtherFirst' }
        @{ Version = '3.7.402'; Assembly = '3.3.0.0'; Order = 'OursFirst' }
        @{ Version = '4.0.3.3'; Assembly = '4.0.0.0'; Order = 'OtherFirst' }
        @{ Version = '4.0.3.3'; Assembly = '4.0.0.0'; Order = 'OursFirst' }
    ) {
        $run = Invoke-BesideOtherCore -Version $Version -Order $Order
        $result = $run.Result

        # IRSteps answered with its typed objects, signed by the environment's key.
        $result.Steps | Should -Be 8
        $result.Typed | Should -BeTrue

        # The other copy is the one scripts see, still working after ours loaded; its objects are accepted.
        $result.OtherVersion | Should -Be $Assembly
        $result.OtherLocation | Should -Be $run.Other
        $result.OtherKey | Should -Be 'AKIDTESTOTHERCOPY'
        $result.OtherStillKey | Should -Be 'AKIDTESTOTHERCOPY'
        $result.ViaCredential | Should -Be 8
        $result.ViaStored | Should -Be 8
        $calls = @(Get-SignedRequest $emulator)
        $calls.AccessKey | Should -Be @('AKIDTESTISOLATED', 'AKIDTESTOTHERCOPY', 'AKIDTESTSTOREDCOPY')
        $calls.Region | Select-Object -Unique | Should -Be 'eu-west-1'
        $calls[2].SessionToken | Should -Be 'stored-token'

        # Two AWSSDK.Core side by side: theirs in the default context, ours from lib/ in the module's own.
        $cores = @($result.Cores)
        $cores.Count | Should -Be 2
        ($cores | Where-Object Default).Location | Should -Be $run.Other
        # (from lib/, or lib/r2r/<framework>/<rid>/ where the module has ReadyToRun images for this runtime and platform)
        ($cores | Where-Object { -not $_.Default }).Location |
            Should -Match ('^' + [regex]::Escape((Join-Path $RepoRoot 'out/IRSteps/lib')) + '(/r2r/net\d+\.0/[a-z]+-[a-z0-9]+)?/AWSSDK\.Core\.dll$')
        if ($Order -eq 'OursFirst') { @($result.DefaultBeforeOther).Count | Should -Be 0 -Because 'the module loads no AWS assembly into the default context' }
    }
}
