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
            'en-US/about_IRSteps.help.txt', 'lib/IRSteps.Client.dll', 'lib/AWSSDK.Core.dll', 'lib/AWSSDK.SecurityToken.dll') {
            Join-Path $installedModule $file | Should -Exist
        }
        Join-Path $installedModule 'lib/System.Management.Automation.dll' | Should -Not -Exist
        # ReadyToRun images for PowerShell 7.6 (.NET 10) and 7.4 (.NET 8) where pwsh runs most.
        foreach ($target in 'net10.0/linux-x64', 'net10.0/linux-arm64', 'net10.0/win-x64', 'net10.0/osx-arm64', 'net8.0/linux-x64', 'net8.0/win-x64') {
            foreach ($file in 'AWSSDK.Core.dll', 'AWSSDK.SecurityToken.dll', 'IRSteps.Client.dll') { Join-Path $installedModule "lib/r2r/$target/$file" | Should -Exist }
        }
        @(Get-ChildItem -Recurse -File (Join-Path $installedModule 'lib/r2r')).Count | Should -Be 18 -Because 'only the compiled assemblies ship, three per target'
    }

    It 'imports by name in a fresh process and lists steps from the emulator' {
        $run = Invoke-ChildPwsh -NonInteractive -Environment $childEnvironment -Script @'
$ErrorActionPreference = 'Stop'
Import-Module IRSteps
'Base ' + (Get-Module IRSteps).ModuleBase
$steps = Get-IRJobStep -JobName nightly-resnet50 -Status COMPLETED
'Steps ' + $steps.Count + ' ' + $steps[0].GetType().FullName
'Help ' + (Get-Help Get-IRJobStep).Synopsis
'View ' + (($steps | Out-String -Width 120) -split "`n" | Where-Object { $_ -match '^JobName' })
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Contain "Base $(Join-Path $userModules "IRSteps/$version")"
        $run.Output | Should -Contain 'Steps 7 IRSteps.Model.InferenceRecommendationsJobStep'
        $run.Output | Where-Object { $_ -like 'Help Gets the benchmark steps*' } | Should -Not -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'View JobName*$/Inference*' } | Should -Not -BeNullOrEmpty
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps).Count | Should -BeGreaterThan 0
    }
}
