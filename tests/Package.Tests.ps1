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
            'en-US/about_IRSteps.help.txt', 'lib/IRSteps.Client.dll', 'lib/AWSSDK.Core.dll', 'lib/AWSSDK.SecurityToken.dll', 'LICENSE') {
            Join-Path $installedModule $file | Should -Exist
        }
        Join-Path $installedModule 'lib/System.Management.Automation.dll' | Should -Not -Exist
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
}
