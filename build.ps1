<#
.SYNOPSIS
    Builds, tests and demonstrates IRSteps. Run as: dotnet pwsh ./build.ps1 <Task>
.DESCRIPTION
    Tasks (each a small named function below, with a one-line synopsis):
      Build    (default) assemble the importable module at out/IRSteps (with this platform's ReadyToRun images) and the tests' emulator host at out/emulator
      Help     write out/IRSteps/en-US/IRSteps.dll-Help.xml from en-US/*.md (Build runs it)
      Package  Build, then compile the ReadyToRun images for every target and pack out/IRSteps into out/packages/IRSteps.<version>.nupkg for Install-PSResource
      Test     Build and Package, npm ci for tests/Conformance, tmux and Chromium (apt-get) if needed, then run the xunit and the Pester tests; ends with 'N passed, N failed'
      Demo     Build, start the module's emulator (Start-IREmulator), run the mission line against it, stop it
      Bench    Build, then print bench/'s figures (IRSteps against the AWS SDK for JavaScript and the emulator's floor)
      Clean    remove out/ and the bin/obj folders
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Help', 'Package', 'Test', 'Demo', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
if ($env:CI -and (Get-Variable PSStyle -ErrorAction Ignore)) { $PSStyle.OutputRendering = 'PlainText' }
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'IRSteps'
$EmulatorOut = Join-Path $Out 'emulator'
$PackageOut = Join-Path $Out 'packages'
$PesterVersion = '5.7.1'
# ReadyToRun images in lib/r2r/<framework>/<rid>/ (PowerShell 7.4 LTS runs on .NET 8, 7.6 on .NET 10); see Add-ReadyToRunImage.
$ReadyToRunTargets = 'net10.0/linux-x64', 'net10.0/linux-arm64', 'net10.0/win-x64', 'net10.0/osx-arm64', 'net8.0/linux-x64', 'net8.0/win-x64'
$script:Built = $false

# No test or demo may reach for instance metadata (any non-loopback address is off limits).
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Dotnet {
    # Runs dotnet with the given arguments and stops the build when it fails (a simple function, so that
    # arguments such as -o pass through untouched).
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-ModuleVersion {
    # Reads the one version source, Directory.Build.props.
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    return $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-BuildTask {
    # Compiles the solution and lays out out/IRSteps (manifest, IRSteps.dll, lib/, help, ps1xml, LICENSE) and out/emulator.
    # -Quiet (Demo) shows the compiler's output only when the build fails: its warnings are for developers.
    # -AllReadyToRun compiles every target's ReadyToRun images, not only this platform's (Test packages next).
    param([switch] $Quiet, [switch] $AllReadyToRun)
    if ($Quiet) {
        $output = & dotnet build (Join-Path $Root 'IRSteps.sln') -c $Configuration -nologo --verbosity quiet 2>&1
        if ($LASTEXITCODE -ne 0) { $output | Out-Host; throw "dotnet build failed with exit code $LASTEXITCODE" }
    }
    else {
        Invoke-Dotnet build (Join-Path $Root 'IRSteps.sln') -c $Configuration -nologo --verbosity quiet
    }

    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    $lib = Join-Path $ModuleOut 'lib'
    New-Item -ItemType Directory -Force -Path $lib | Out-Null

    # lib/: the client (IRSteps.Client) and the AWS SDK, loaded in isolation by IRSteps.dll on first use.
    Invoke-Dotnet publish (Join-Path $Root 'src/IRSteps.Client/IRSteps.Client.csproj') -c $Configuration -o $lib -nologo --verbosity quiet --no-build
    foreach ($notShipped in 'IRSteps.dll', 'System.Management.Automation.dll', 'IRSteps.Client.deps.json', '*.pdb') {
        Remove-Item -Force -ErrorAction Ignore (Join-Path $lib $notShipped)
    }
    # The emulator (Start-IREmulator) beside it, loaded the same way on its first use; its one dependency,
    # System.Text.Json, is the copy AWSSDK.Core brought (tests/Pester/Emulator.Tests.ps1 checks the references).
    Copy-Item (Join-Path $Root "src/IRSteps.Emulator/bin/$Configuration/netstandard2.0/IRSteps.Emulator.dll") $lib

    $moduleBin = Join-Path $Root "src/IRSteps/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $moduleBin 'IRSteps.dll') $ModuleOut
    Copy-Item (Join-Path $Root 'src/IRSteps/IRSteps.format.ps1xml'), (Join-Path $Root 'src/IRSteps/IRSteps.types.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut

    $version = Get-ModuleVersion
    $manifest = Get-Content -Raw (Join-Path $Root 'IRSteps.psd1')
    if (-not $manifest.Contains('{{ModuleVersion}}')) { throw "IRSteps.psd1 has lost its '{{ModuleVersion}}' placeholder." }
    $manifest.Replace('{{ModuleVersion}}', $version) | Set-Content -NoNewline -Encoding utf8 (Join-Path $ModuleOut 'IRSteps.psd1')

    # en-US holds the help sources: about topics ship as they are, the cmdlets' Markdown becomes MAML (Help task).
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'en-US')
    Copy-Item -Path (Join-Path $Root 'en-US/*.help.txt') -Destination (Join-Path $ModuleOut 'en-US')

    Invoke-HelpTask
    Add-ReadyToRunImage -All:$AllReadyToRun

    # The tests' emulator host (the same emulator in a process of its own), where the tests and bench look for it.
    if (Test-Path $EmulatorOut) { Remove-Item -Recurse -Force $EmulatorOut }
    Copy-Item -Recurse (Join-Path $Root "tests/Emulator/bin/$Configuration/net10.0") $EmulatorOut

    Write-Host "Module $version assembled at $ModuleOut"
    $script:Built = $true
}

function Get-ReadyToRunInput {
    # A digest of what the images are compiled from: the IL in lib/, IRSteps.dll, the project and the SDK's version.
    $sha = [Security.Cryptography.SHA256]::Create()
    try {
        $files = @(Get-ChildItem (Join-Path $ModuleOut 'lib') -Filter '*.dll' | Sort-Object Name) + (Get-Item (Join-Path $ModuleOut 'IRSteps.dll')) +
            (Get-Item (Join-Path $Root 'src/IRSteps.ReadyToRun/IRSteps.ReadyToRun.csproj'))
        $text = foreach ($file in $files) { $file.Name + ' ' + [Convert]::ToHexString($sha.ComputeHash([IO.File]::ReadAllBytes($file.FullName))) }
        return (@($text) + "sdk $(& dotnet --version)") -join "`n"
    }
    finally {
        $sha.Dispose()
    }
}

function Test-ReadyToRunImage {
    # True when the assembly at $Path carries ReadyToRun code (a managed native header).
    param([string] $Path)
    $stream = [IO.File]::OpenRead($Path)
    try {
        $reader = [Reflection.PortableExecutable.PEReader]::new($stream)
        return $reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0
    }
    finally {
        $stream.Dispose()
    }
}

function Add-ReadyToRunImage {
    # Compiles lib/'s AWSSDK.Core, AWSSDK.SecurityToken and IRSteps.Client ahead of time into lib/r2r/<framework>/<rid>/
    # for this runtime and platform only, or for every target with -All; a target whose inputs have not changed since
    # it was last compiled is copied from out/r2r instead. The IL in lib/ stays what every other runtime loads.
    param([switch] $All)
    $platform = $(if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }) + '-' +
        [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $current = "net$([Environment]::Version.Major).0/$platform"
    $targets = @(if ($All) { $ReadyToRunTargets } else { $ReadyToRunTargets | Where-Object { $_ -eq $current } })
    if (-not $targets) { Write-Host "No ReadyToRun images for $current`: the module loads its IL here."; return }

    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $inputs = Get-ReadyToRunInput
    $stale = @($targets | Where-Object {
            $stamp = Join-Path $Out "r2r/$_/inputs.txt"
            -not ((Test-Path $stamp) -and (Get-Content -Raw $stamp) -eq $inputs)
        })
    if ($stale) {
        # One restore and one MSBuild process for every stale target (publishing them in parallel).
        $stage = Join-Path $Out 'r2r-stage'
        Remove-Item -Recurse -Force -ErrorAction Ignore $stage
        $frameworks = $stale | ForEach-Object { ($_ -split '/')[0] } | Select-Object -Unique
        Invoke-Dotnet msbuild -restore -m (Join-Path $Root 'src/IRSteps.ReadyToRun/IRSteps.ReadyToRun.csproj') '-target:CompileReadyToRun' `
            "-p:Configuration=$Configuration" "-p:TargetFrameworks=$($frameworks -join '%3B')" "-p:ReadyToRunTargets=$($stale -join '%3B')" "-p:ModuleDirectory=$ModuleOut/" `
            "-p:ReadyToRunOutput=$stage/" -nologo '-verbosity:quiet'
        foreach ($target in $stale) {
            $cache = Join-Path $Out "r2r/$target"
            Remove-Item -Recurse -Force -ErrorAction Ignore $cache
            $null = New-Item -ItemType Directory -Force -Path $cache
            Get-ChildItem (Join-Path $stage $target) -Filter '*.dll' | Where-Object { Test-ReadyToRunImage $_.FullName } | Copy-Item -Destination $cache
            Set-Content -NoNewline -Path (Join-Path $cache 'inputs.txt') -Value $inputs
        }
        Remove-Item -Recurse -Force $stage
    }
    foreach ($target in $targets) {
        $destination = Join-Path $ModuleOut "lib/r2r/$target"
        $null = New-Item -ItemType Directory -Force -Path $destination
        Copy-Item (Join-Path $Out "r2r/$target/*.dll") $destination
    }
    Write-Host "ReadyToRun images for $($targets -join ', ')$(if ($stale) { " (compiled now: $($stale -join ', '))" } else { ' (unchanged)' }) in $([int] $stopwatch.Elapsed.TotalSeconds) s"
}

function Invoke-HelpTask {
    # Writes the MAML help Get-Help reads from the Markdown sources in en-US, with each parameter's
    # type, position, pipeline input and aliases taken from the cmdlets in out/IRSteps.
    . (Join-Path $Root 'src/IRSteps/Help/MarkdownToMaml.ps1')
    $module = Import-Module (Join-Path $ModuleOut 'IRSteps.psd1') -PassThru -Force
    $written = New-MamlHelp -Command @($module.ExportedCmdlets.Values) -SourceFolder (Join-Path $Root 'en-US') `
        -OutputPath (Join-Path $ModuleOut 'en-US/IRSteps.dll-Help.xml')
    Write-Host "Help written for $(@($written).Count) cmdlets: $($written -join ', ')"
}

function Invoke-PackageTask {
    # Packs the module as built into a .nupkg that PSResourceGet installs from a folder repository
    # (Register-PSResourceRepository -Uri <folder>; Install-PSResource IRSteps). Builds first unless this run already did.
    if (-not $script:Built) { Invoke-BuildTask }
    Add-ReadyToRunImage -All
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    if (Test-Path $PackageOut) { Remove-Item -Recurse -Force $PackageOut }
    $null = New-Item -ItemType Directory -Path $PackageOut
    Compress-PSResource -Path $ModuleOut -DestinationPath $PackageOut
    $package = Get-ChildItem -Path $PackageOut -Filter 'IRSteps.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Compress-PSResource wrote no IRSteps package to $PackageOut." }
    Write-Host "Package $($package.Name) written to $PackageOut"
}

function Get-PesterModulePath {
    # Restores Pester from NuGet (tests/Tools) and returns the path of its manifest in the NuGet cache.
    Invoke-Dotnet restore (Join-Path $Root 'tests/Tools/Tools.csproj') -nologo --verbosity quiet
    $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $cache "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was restored but $manifest is missing." }
    return $manifest
}

function Install-ConformancePackage {
    # Installs tests/Conformance's npm packages (the AWS-written client and service model) from its
    # package-lock.json with npm ci, when node_modules is missing or older than the lock file.
    $project = Join-Path $Root 'tests/Conformance'
    $lock = Join-Path $project 'package-lock.json'
    $installed = Join-Path $project 'node_modules/.package-lock.json'
    if ((Test-Path $installed) -and (Get-Item -Force $installed).LastWriteTimeUtc -ge (Get-Item $lock).LastWriteTimeUtc) { return }
    if (-not (Get-Command npm -ErrorAction Ignore)) { throw 'The conformance tests need Node.js 20 or later with npm on the PATH.' }
    Push-Location $project
    try {
        & npm ci --no-audit --no-fund --loglevel=error | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "npm ci in $project failed with exit code $LASTEXITCODE" }
    }
    finally {
        Pop-Location
    }
}

function Install-DebianPackage {
    # Installs Debian packages a test needs when they are missing: as root (a fresh CI machine) or with sudo that needs
    # no password. Anywhere else it stops the run with what to do, rather than let the tests be skipped.
    param([Parameter(Mandatory)] [string[]] $Name, [Parameter(Mandatory)] [string] $For)
    if (-not (Get-Command apt-get -CommandType Application -ErrorAction Ignore)) {
        throw "$For needs $($Name -join ' and ') and this machine has no apt-get: install them (brew, dnf, ...)."
    }
    $sudo = @()
    if ((& id -u) -ne '0') {
        & sudo -n true 2>$null
        if ($LASTEXITCODE -ne 0) { throw "$For needs $($Name -join ' and '): run apt-get install -y $($Name -join ' ') as root, then build.ps1 Test again." }
        $sudo = @('sudo', '-n')
    }
    Write-Host "Installing $($Name -join ' and ') (apt-get) for $For"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    foreach ($arguments in @(@('apt-get', 'update', '-qq'), (@('apt-get', 'install', '-y', '-qq') + $Name))) {
        $all = $sudo + $arguments
        & $all[0] $all[1..($all.Count - 1)] | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "$($all -join ' ') failed with exit code $LASTEXITCODE; $For needs $($Name -join ' and ')." }
    }
}

function Install-TestTool {
    # The views are tested once in a real terminal (pwsh inside tmux, tests/Pester/Views.Tests.ps1) and the report in headless
    # Chromium (found as the tests find it: IRSTEPS_CHROMIUM, then the PATH). Both are Debian packages, installed in
    # one apt-get run when missing. Windows has neither tmux nor this apt-get: the terminal test is Linux and macOS only.
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { return }
    . (Join-Path $Root 'tests/Pester/BrowserTestHelpers.ps1')
    $missing = @()
    if (-not (Get-Command tmux -CommandType Application -ErrorAction Ignore)) { $missing += 'tmux' }
    if (-not (Find-Chromium)) { $missing += 'chromium' }
    if ($missing) { Install-DebianPackage -Name $missing -For 'the terminal and report tests' }
    $browser = Find-Chromium
    if (-not $browser) {
        throw 'The report tests need Chromium or Chrome: install it (on Debian as root, Test installs the chromium package itself), or set IRSTEPS_CHROMIUM to its path.'
    }
    $env:IRSTEPS_CHROMIUM = $browser
    Write-Host "Chromium for the report tests: $browser"
}

function Invoke-XunitTests {
    # Runs the xunit tests and returns their counts from the TRX report.
    $results = Join-Path $Out 'test-results'
    Remove-Item -Recurse -Force -ErrorAction Ignore $results
    & dotnet test (Join-Path $Root 'tests/Unit/IRSteps.Tests.csproj') -c $Configuration --no-build -nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $trx = Get-ChildItem -Recurse -Path $results -Filter 'xunit.trx' -ErrorAction Ignore | Select-Object -First 1
    if (-not $trx) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    [xml] $report = Get-Content -Raw $trx.FullName
    $counters = $report.TestRun.ResultSummary.Counters
    return [pscustomobject]@{
        Passed  = [int] $counters.passed
        Failed  = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        Skipped = [int] $counters.notExecuted
    }
}

function Invoke-PesterTests {
    # Runs the Pester tests in a fresh pwsh against out/IRSteps and returns their counts.
    $pester = Get-PesterModulePath
    $summary = Join-Path $Out 'pester-summary.json'
    Remove-Item -Force -ErrorAction Ignore $summary
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Pester/Invoke-PesterTests.ps1') -PesterPath $pester -SummaryPath $summary | Out-Host
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    return Get-Content -Raw $summary | ConvertFrom-Json
}

function Invoke-TestTask {
    # Builds, runs both suites and prints one closing line 'N passed, N failed'; exits 1 on any failure.
    Invoke-BuildTask -AllReadyToRun
    Invoke-PackageTask
    Install-ConformancePackage
    Install-TestTool
    $xunit = Invoke-XunitTests
    $pester = Invoke-PesterTests
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed; $skipped skipped"
    # The closing line is exactly 'N passed, N failed', as CI reads it.
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-DemoTask {
    # Starts the module's own emulator, runs the mission line against it and shows the existing endpoint's metrics.
    Invoke-BuildTask -Quiet
    Import-Module (Join-Path $ModuleOut 'IRSteps.psd1') -Force
    $emulator = Start-IREmulator
    try {
        $job = 'nightly-resnet50'
        $env:AWS_ACCESS_KEY_ID = $emulator.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $emulator.SecretKey
        $env:AWS_REGION = $emulator.Region
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.EndpointUrl
        Write-Host "PS> `$emulator = Start-IREmulator    # $($emulator.EndpointUrl), its key pair in the AWS_* environment" -ForegroundColor Cyan

        Write-Host "PS> Get-IRJobStep -JobName $job | Where-Object Status -eq COMPLETED | Format-Table" -ForegroundColor Cyan
        Get-IRJobStep -JobName $job | Where-Object Status -eq COMPLETED | Format-Table | Out-Host

        Write-Host "PS> (Get-IRJobStep -JobName $job -Status COMPLETED -First 1).InferenceBenchmark.EndpointMetrics" -ForegroundColor Cyan
        (Get-IRJobStep -JobName $job -Status COMPLETED -First 1).InferenceBenchmark.EndpointMetrics | Format-List | Out-Host
    }
    finally {
        Stop-IREmulator $emulator
        Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY, Env:AWS_REGION, Env:AWS_ENDPOINT_URL_SAGEMAKER -ErrorAction Ignore
    }
}

function Invoke-BenchTask {
    # Prints the benchmarks' figures (medians, with their references); not part of Test.
    Invoke-BuildTask
    Install-ConformancePackage
    & (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -ModuleManifest (Join-Path $ModuleOut 'IRSteps.psd1') -EmulatorDll (Join-Path $EmulatorOut 'IRSteps.EmulatorHost.dll')
}

function Invoke-CleanTask {
    # Removes build output.
    Remove-Item -Recurse -Force -ErrorAction Ignore $Out
    # node_modules (tests/Conformance) has bin folders of its own: leave them to npm.
    Get-ChildItem -Path (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Recurse -Directory -Include bin, obj |
        Where-Object FullName -NotMatch '[\\/]node_modules[\\/]' |
        Remove-Item -Recurse -Force -ErrorAction Ignore
}

foreach ($name in $Task) {
    & "Invoke-${name}Task"
}
