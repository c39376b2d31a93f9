# The package build.ps1 Package writes: PSResourceGet installs it from a folder repository, and the installed
# module imports by name in a fresh process and works. (build.ps1 Test packages before it runs the tests.)

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    $package = Get-ChildItem -Path (Join-Path $RepoRoot 'out/packages') -Filter 'IRSteps.*.nupkg' -ErrorAction Ignore | Select-Object -First 1
    $version = (Import-PowerShellDataFile $ModuleManifest).ModuleVersion

    # A user of our own, in this test's folder: PSResourceGet's repository list and the CurrentUser module folder
    # both follow HOME on Linux and macOS (XDG_DATA_HOME moves only the first), and PSModulePath is left for pwsh to
    # compute from HOME, so nothing of this machine's user is read or written. (Windows keeps them in Documents:
    # this isolation does not hold there.)
    $userHome = Join-Path $TestDrive 'home'
    $userModules = Join-Path $userHome '.local/share/powershell/Modules'
    $repository = Join-Path $TestDrive 'repository'
    New-Item -ItemType Directory -Path $userHome, $repository | Out-Null
    $childEnvironment = @{ HOME = $userHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'build.ps1 Package' -Skip:$IsWindows {
    It 'writes IRSteps.<version>.nupkg to out/packages' {
        $package | Should -Not -BeNullOrEmpty -Because 'build.ps1 Package (or Test) writes it'
        $package.Name | Should -Be "IRSteps.$version.nupkg"
    }

    It 'installs with Install-PSResource from a local folder repository' {
        Copy-Item $package.FullName $repository
        $install = Invoke-ChildPwsh -NonInteractive -Environment $childEnvironment -Script @"
`$ErrorActionPreference = 'Stop'
if ([Environment]::GetFolderPath('UserProfile') -ne '$userHome') { throw 'HOME is not the test''s: nothing is installed.' }
Register-PSResourceRepository -Name IRStepsLocal -Uri '$repository' -Trusted
Install-PSResource -Name IRSteps -Repository IRStepsLocal -Scope CurrentUser -TrustRepository -Quiet
`$installed = Get-InstalledPSResource -Name IRSteps -Scope CurrentUser
'Installed ' + `$installed.Version + ' at ' + `$installed.InstalledLocation
"@
        $install.ExitCode | Should -Be 0 -Because $install.Errors
        $install.Output[-1] | Should -Be "Installed $version at $userModules"

        $installedModule = Join-Path $userModules "IRSteps/$version"
        foreach ($file in 'IRSteps.psd1', 'IRSteps.dll', 'IRSteps.format.ps1xml', 'IRSteps.types.ps1xml', 'en-US/IRSteps.dll-Help.xml',
            'en-US/about_IRSteps.help.txt', 'lib/IRSteps.Client.dll', 'lib/AWSSDK.Core.dll', 'lib/AWSSDK.SecurityToken.dll', 'lib/IRSteps.Emulator.dll',
            'LICENSE') {
            Join-Path $installedModule $file | Should -Exist
        }
        Join-Path $installedModule 'lib/System.Management.Automation.dll' | Should -Not -Exist
        # ReadyToRun images for PowerShell 7.6 (.NET 10) and 7.4 (.NET 8) where pwsh runs most.
        foreach ($target in 'net10.0/linux-x64', 'net10.0/linux-arm64', 'net10.0/win-x64', 'net10.0/osx-arm64', 'net8.0/linux-x64', 'net8.0/win-x64') {
            foreach ($file in 'AWSSDK.Core.dll', 'AWSSDK.SecurityToken.dll', 'IRSteps.Client.dll') { Join-Path $installedModule "lib/r2r/$target/$file" | Should -Exist }
        }
        @(Get-ChildItem -Recurse -File (Join-Path $installedModule 'lib/r2r')).Count | Should -Be 18 -Because 'only the compiled assemblies ship, three per target'
    }

    It 'carries the Apache License 2.0 in full, and nothing a user does not run or read' {
        $installedModule = Join-Path $userModules "IRSteps/$version"
        $license = Get-Content -Raw (Join-Path $installedModule 'LICENSE')
        $license | Should -Match 'Apache License\s+Version 2\.0, January 2004'
        $license | Should -Match 'END OF TERMS AND CONDITIONS'
        $license | Should -Be (Get-Content -Raw (Join-Path $RepoRoot 'LICENSE'))

        # Debug symbols, dependency manifests and build leftovers stay out of the package.
        $files = Get-ChildItem -Recurse -File $installedModule | ForEach-Object { $_.FullName.Substring($installedModule.Length + 1) -replace '\\', '/' }
        $files | Where-Object { $_ -match '\.(pdb|deps\.json|runtimeconfig\.json|nupkg|cs|csproj)$' } | Should -BeNullOrEmpty
        $files | Where-Object { $_ -like '*.xml' -and $_ -ne 'en-US/IRSteps.dll-Help.xml' -and $_ -ne 'PSGetModuleInfo.xml' } | Should -BeNullOrEmpty
    }

    It 'says in its release notes what the version holds' {
        $notes = (Import-PowerShellDataFile (Join-Path $userModules "IRSteps/$version/IRSteps.psd1")).PrivateData.PSData.ReleaseNotes
        $notes | Should -Match 'Get-IRJobStep'
        $notes | Should -Not -Match 'README'
    }

    It 'installs again with the README''s lines as they are (re-runnable)' {
        # The README's "Install from a package" block, but for the build line, run twice in a row.
        $readme = Get-Content (Join-Path $RepoRoot 'README.md')
        $start = [Array]::IndexOf($readme, '### Install from a package')
        $block = $readme[($start + 1)..($readme.Count - 1)]
        $open = [Array]::IndexOf($block, '```powershell')
        $lines = $block[($open + 1)..($block.Count - 1)]
        $lines = $lines[0..([Array]::IndexOf($lines, '```') - 1)] | Where-Object { $_ -notmatch 'build\.ps1|^\s*#' }
        $lines | Should -Contain 'Import-Module IRSteps -Force'

        $twice = ((@($lines) * 2) -join "`n") + "`n'Imported ' + (Get-Module IRSteps).Version"
        $run = Invoke-ChildPwsh -NonInteractive -Environment $childEnvironment -Script ("`$ErrorActionPreference = 'Stop'`n" + $twice)
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output[-1] | Should -Be "Imported $version"
    }

    It 'imports by name in a fresh process and lists steps from the emulator' {
        $run = Invoke-ChildPwsh -NonInteractive -Environment $childEnvironment -Script @'
$ErrorActionPreference = 'Stop'
Import-Module IRSteps
'Base ' + (Get-Module IRSteps).ModuleBase
$steps = Get-IRJobStep -JobName nightly-resnet50 -Status COMPLETED
'Steps ' + $steps.Count + ' ' + $steps[0].GetType().FullName
'Help ' + (Get-Help Get-IRJobStep).Synopsis
'View ' + (($steps | Out-String -Width 80) -split "`n" | Where-Object { $_ -match '^Status' })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Contain "Base $(Join-Path $userModules "IRSteps/$version")"
        $run.Output | Should -Contain 'Steps 7 IRSteps.Model.InferenceRecommendationsJobStep'
        $run.Output | Where-Object { $_ -like 'Help Gets the benchmark steps*' } | Should -Not -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'View Status*$/1M inf*Instances*' } | Should -Not -BeNullOrEmpty
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps).Count | Should -BeGreaterThan 0
    }

    It 'runs a user''s Pester file against the installed module''s emulator, in a fresh pwsh with no .NET SDK on PATH' {
        # A user's test of a runbook: an emulator started in BeforeAll and stopped in AfterAll, a job with two steps
        # carrying EndpointMetrics, a job that goes PENDING, IN_PROGRESS, COMPLETED, a throttled job, one stopped.
        $userTests = Join-Path $TestDrive 'runbook/Runbook.Tests.ps1'
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $userTests)
        Set-Content -Path $userTests -Encoding utf8 -Value @'
BeforeAll {
    Import-Module IRSteps
    $emulator = Start-IREmulator -NoSampleJobs
    $connection = $emulator.Connection
    function New-Benchmark([string] $InstanceType, [int] $Latency) {
        [IRSteps.Model.InferenceRecommendationsJobStep]@{
            StepType = 'BENCHMARK'; Status = 'COMPLETED'
            InferenceBenchmark = @{
                Metrics               = @{ ModelLatency = $Latency; MaxInvocations = 1400; CostPerInference = 0.0000023 }
                EndpointMetrics       = @{ ModelLatency = 50; MaxInvocations = 1000 }
                EndpointConfiguration = @{ InstanceType = $InstanceType; InitialInstanceCount = 1 }
            }
        }
    }
    Add-IREmulatorJob $emulator -JobName nightly -Step (New-Benchmark ml.c5.xlarge 38), (New-Benchmark ml.inf2.xlarge 12)
    Add-IREmulatorJob $emulator -JobName retrain -StatusSequence PENDING, IN_PROGRESS, COMPLETED
    Add-IREmulatorJob $emulator -JobName sweep -Status IN_PROGRESS -Step (New-Benchmark ml.m5.large 90)
    Add-IREmulatorJob $emulator -JobName busy -Step (New-Benchmark ml.c5.large 40)
    Add-IREmulatorFault $emulator -JobName busy -Kind Throttle -Count 3
}

AfterAll {
    Stop-IREmulator $emulator
}

Describe 'The nightly runbook, offline' {
    It 'reads both benchmarks with the existing endpoint''s metrics' {
        $steps = Get-IRJobStep -JobName nightly @connection
        $steps.InstanceType | Should -Be @('ml.c5.xlarge', 'ml.inf2.xlarge')
        $steps.EndpointModelLatency | Should -Be @(50, 50)
        ($steps | Sort-Object LatencyVsEndpoint)[0].InstanceType | Should -Be 'ml.inf2.xlarge'
    }

    It 'waits for a job that goes PENDING, IN_PROGRESS, COMPLETED' {
        (Wait-IRJob -JobName retrain -PollInterval 0.1 @connection).Status | Should -Be 'COMPLETED'
    }

    It 'stops a running job' {
        (Stop-IRJob -JobName sweep -PassThru -Confirm:$false @connection).Status | Should -Be 'STOPPING'
        (Wait-IRJob -JobName sweep -PollInterval 0.1 @connection).Status | Should -Be 'STOPPED'
    }

    It 'reports a throttled job as Throttled once the retries run out' {
        Get-IRJobStep -JobName busy @connection -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
    }

    It 'asked what it should, signed with the emulator''s key' {
        $requests = Get-IREmulatorRequest $emulator
        ($requests | Where-Object { $_.JobName -eq 'retrain' -and $_.Operation -eq 'DescribeInferenceRecommendationsJob' }).Count | Should -Be 3
        ($requests | Where-Object { $_.JobName -eq 'busy' }).Fault | Should -Be @('Throttle', 'Throttle', 'Throttle')
        ($requests | Where-Object JobName -eq 'sweep').Operation | Should -Contain 'StopInferenceRecommendationsJob'
        $requests.AccessKey | Select-Object -Unique | Should -Be $emulator.AccessKey
    }
}
'@

        # The .NET host that runs pwsh.dll, by its full path; every PATH folder holding a dotnet is left out.
        $dotnetHost = (Get-Process -Id $PID).Path
        if ([IO.Path]::GetFileNameWithoutExtension($dotnetHost) -ne 'dotnet') { $dotnetHost = (Get-Command dotnet -CommandType Application)[0].Source }
        $dotnetFolders = @((Split-Path $dotnetHost), (Split-Path (Get-Item $dotnetHost).ResolvedTarget))
        $path = @($env:PATH -split [IO.Path]::PathSeparator | Where-Object {
                $_ -and $_ -notin $dotnetFolders -and -not (Test-Path (Join-Path $_ 'dotnet')) -and -not (Test-Path (Join-Path $_ 'dotnet.exe'))
            }) -join [IO.Path]::PathSeparator
        $pester = (Get-Module Pester).Path
        $environment = $childEnvironment.Clone()
        $environment.PATH = $path
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_ENDPOINT_URL_SAGEMAKER') { $environment[$name] = $null }

        $run = Invoke-ChildPwsh -NonInteractive -Environment $environment -TimeoutSeconds 300 -Script @"
`$ErrorActionPreference = 'Stop'
function Get-StrictModeState {
    `$variable = try { `$null = `$noSuchVariable; 'off' } catch { 'on' }
    `$property = try { `$null = 'text'.NoSuchProperty; 'off' } catch { 'on' }
    "variables `$variable, properties `$property"
}
'Dotnet ' + `$(if (Get-Command dotnet -ErrorAction Ignore) { 'found' } else { 'not found' })
Set-StrictMode -Version 1.0
'StrictBefore ' + (Get-StrictModeState)
Import-Module '$pester'
`$result = Invoke-Pester -Path '$userTests' -PassThru -Output Detailed
'StrictAfter ' + (Get-StrictModeState)
'Module ' + (Get-Module IRSteps).ModuleBase
'Result ' + `$result.PassedCount + ' passed, ' + (`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount) + ' failed'
"@
        $because = ($run.Output + $run.Errors) -join "`n"
        $run.ExitCode | Should -Be 0 -Because $because
        $run.Output | Should -Contain 'Dotnet not found' -Because 'no .NET SDK is on the PATH'
        $run.Output | Should -Contain "Module $(Join-Path $userModules "IRSteps/$version")" -Because 'the installed package was imported by name'
        $run.Output | Should -Contain 'Result 5 passed, 0 failed' -Because $because
        $run.Output | Should -Contain 'StrictBefore variables on, properties off'
        $run.Output | Should -Contain 'StrictAfter variables on, properties off' -Because 'the caller''s Set-StrictMode -Version 1.0 is unchanged'
    }
}
