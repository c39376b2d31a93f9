# ReadyToRun (PowerShell 7): a fresh process's first call runs AWSSDK.Core and IRSteps.Client from the precompiled
# images in lib/r2r/<framework>/<rid>/ instead of JIT-compiling them. The guard counts the methods the runtime
# JIT-compiles in those two assemblies during a first call (runtime events, in the child process), against the same
# call with IRSTEPS_NO_R2R=1 (the IL figure), and shows that an image the runtime silently ignores (compiled for
# another .NET) is caught by it. An image for another OS or processor cannot load: the module says so on -Debug and
# loads the IL. build.ps1 Test packages (all targets) before the tests run.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $framework = "net$([Environment]::Version.Major).0"
    $platform = $(if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }) + '-' +
        [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $imageRoot = Join-Path $RepoRoot 'out/IRSteps/lib/r2r'
    # Other platforms' images of this framework, each put where this platform's are expected: one for another OS and
    # one for another processor where they are built (either alone says more than both at once).
    $foreignImages = @(Get-ChildItem (Join-Path $imageRoot $framework) -Directory -ErrorAction Ignore | Where-Object Name -ne $platform |
            ForEach-Object {
                $os, $processor = $_.Name -split '-'
                $kind = @(if ($os -ne ($platform -split '-')[0]) { 'OS' }; if ($processor -ne ($platform -split '-')[1]) { 'processor' }) -join ' and '
                @{ Rid = $_.Name; Kind = $kind }
            })
    $single = @($foreignImages | Where-Object { $_.Kind -notlike '* and *' })
    if ($single) { $foreignImages = $single }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator -AccessKey 'AKIDTESTREADYTORUN'

    $framework = "net$([Environment]::Version.Major).0"
    $platform = $(if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }) + '-' +
        [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $moduleBase = Join-Path $RepoRoot 'out/IRSteps'

    # Counts MethodJittingStarted events per module from the runtime's own event source, in the process measured.
    $counter = Join-Path $TestDrive 'JitCounter.dll'
    Add-Type -OutputAssembly $counter -OutputType Library -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.IO;
using System.Threading;

public sealed class IRStepsJitCounter : EventListener
{
    private static readonly ConcurrentDictionary<ulong, string> Modules = new ConcurrentDictionary<ulong, string>();
    private static readonly ConcurrentDictionary<ulong, int> Jitted = new ConcurrentDictionary<ulong, int>();
    private static long events;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Loader (0x8) for module names, JIT (0x10) at Verbose for MethodJittingStarted.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x18);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        Interlocked.Increment(ref events);
        if (e.EventName == null || e.Payload == null) return;
        int module = e.PayloadNames.IndexOf("ModuleID");
        if (module < 0) return;
        ulong id = Convert.ToUInt64(e.Payload[module]);
        if (e.EventName.StartsWith("ModuleLoad", StringComparison.Ordinal))
        {
            int path = e.PayloadNames.IndexOf("ModuleILPath");
            if (path >= 0) Modules[id] = Path.GetFileNameWithoutExtension((string)e.Payload[path]);
        }
        else if (e.EventName.StartsWith("MethodJittingStarted", StringComparison.Ordinal))
        {
            Jitted.AddOrUpdate(id, 1, (key, count) => count + 1);
        }
    }

    /// <summary>Waits until no event has arrived for half a second (they are delivered on a thread of their own).</summary>
    public static void Settle()
    {
        long seen;
        do { seen = Interlocked.Read(ref events); Thread.Sleep(500); } while (Interlocked.Read(ref events) != seen);
    }

    public static int Count(string module)
    {
        int total = 0;
        foreach (var pair in Jitted)
        {
            if (Modules.TryGetValue(pair.Key, out string name) && name == module) total += pair.Value;
        }
        return total;
    }
}
'@

    function Measure-FirstCall {
        # In a fresh pwsh: imports the module at $ModuleBase and makes a first call against the emulator with -Debug's
        # lines captured; returns what it saw, the methods JIT-compiled in the module's assemblies meanwhile, and where
        # AWSSDK.Core was loaded from.
        param([string] $ModuleBase = $moduleBase, [hashtable] $Environment = @{ IRSTEPS_NO_R2R = $null })
        $run = Invoke-ChildPwsh -NonInteractive -Environment $Environment -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$counter'
`$listener = [IRStepsJitCounter]::new()
Import-Module '$(Join-Path $ModuleBase 'IRSteps.psd1')'
`$DebugPreference = 'Continue'
`$written = @(Get-IRJobStep nightly-resnet50 5>&1)
`$DebugPreference = 'SilentlyContinue'
[IRStepsJitCounter]::Settle()
`$core = [System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object Assemblies | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }
[ordered]@{
    Steps        = @(`$written | Where-Object { `$_ -is [IRSteps.Model.InferenceRecommendationsJobStep] }).Count
    Debug        = @(`$written | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
    Core         = [IRStepsJitCounter]::Count('AWSSDK.Core')
    Client       = [IRStepsJitCounter]::Count('IRSteps.Client')
    Module       = [IRStepsJitCounter]::Count('IRSteps')
    CoreLocation = @(`$core.Location)
} | ConvertTo-Json -Compress
"@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $result = $run.Output[-1] | ConvertFrom-Json
        $result | Add-Member -NotePropertyName Engine -NotePropertyValue ($result.Core + $result.Client)
        $result
    }

    function Copy-ModuleWithoutImage {
        # A copy of the module with no lib/r2r folder.
        param([Parameter(Mandatory)] [string] $Name)
        $copy = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Path (Join-Path $copy 'lib')
        Get-ChildItem $moduleBase | Where-Object Name -ne 'lib' | Copy-Item -Destination $copy -Recurse
        Get-ChildItem (Join-Path $moduleBase 'lib') -File | Copy-Item -Destination (Join-Path $copy 'lib')
        $copy
    }

    function Copy-ModuleWithImage {
        # A copy of the module whose images for this runtime and platform are replaced by those in $From.
        param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $From)
        $copy = Copy-ModuleWithoutImage -Name $Name
        $slot = Join-Path $copy "lib/r2r/$framework/$platform"
        $null = New-Item -ItemType Directory -Path $slot
        Copy-Item (Join-Path $From '*.dll') $slot
        $copy
    }

    # The two runs every guard compares: the module as built, and the same with the images turned off.
    $imagesUsed = Measure-FirstCall
    $ilOnly = Measure-FirstCall -Environment @{ IRSTEPS_NO_R2R = '1' }
    Write-Host ("    first call, methods JIT-compiled in AWSSDK.Core + IRSteps.Client: {0} + {1} with the images, {2} + {3} from the IL (IRSteps.dll: {4} and {5})" -f
        $imagesUsed.Core, $imagesUsed.Client, $ilOnly.Core, $ilOnly.Client, $imagesUsed.Module, $ilOnly.Module)
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'ReadyToRun images (PowerShell 7)' {
    It 'are there for this runtime and platform, and a first call loads AWSSDK.Core from them' {
        $images = Join-Path $moduleBase "lib/r2r/$framework/$platform"
        Join-Path $images 'AWSSDK.Core.dll' | Should -Exist
        Join-Path $images 'IRSteps.Client.dll' | Should -Exist

        $imagesUsed.Steps | Should -Be 8
        $imagesUsed.CoreLocation | Should -Be (Join-Path $images 'AWSSDK.Core.dll')
        $imagesUsed.Debug | Should -Contain "IRSteps client: ReadyToRun images from '$images', else the IL in '$(Join-Path $moduleBase 'lib')'"
    }

    It 'spare the first call JIT-compiling AWSSDK.Core and IRSteps.Client (guard: back near the IL figure fails)' {
        # The IL figure: both assemblies compiled method by method as the call first runs them.
        $ilOnly.Engine | Should -BeGreaterThan 400 -Because 'a first call from the IL JIT-compiles hundreds of AWSSDK.Core and IRSteps.Client methods'
        $imagesUsed.Engine | Should -BeLessThan ($ilOnly.Engine / 4) -Because "the images hold their code; $($imagesUsed.Engine) methods were JIT-compiled against $($ilOnly.Engine) from the IL"
    }

    It 'are turned off by IRSTEPS_NO_R2R=1: the IL in lib/ loads, and -Debug says why' {
        $ilOnly.Steps | Should -Be 8
        $ilOnly.CoreLocation | Should -Be (Join-Path $moduleBase 'lib/AWSSDK.Core.dll')
        $ilOnly.Debug | Should -Contain "IRSteps client: the IL in '$(Join-Path $moduleBase 'lib')' (IRSTEPS_NO_R2R=1)"
    }

    It 'compiled for another .NET are ignored by the runtime without an error, and the guard sees it' {
        $other = Get-ChildItem (Join-Path $moduleBase 'lib/r2r') -Directory | Where-Object Name -ne $framework |
            Where-Object { Test-Path (Join-Path $_.FullName $platform) } | Select-Object -First 1
        if (-not $other) { Set-ItResult -Skipped -Because "no other framework's images are built for $platform"; return }
        $copy = Copy-ModuleWithImage -Name "other-framework" -From (Join-Path $other.FullName $platform)

        $wrong = Measure-FirstCall -ModuleBase $copy
        $wrong.Steps | Should -Be 8
        $wrong.CoreLocation | Should -Be (Join-Path $copy "lib/r2r/$framework/$platform/AWSSDK.Core.dll") -Because 'the image loads: nothing fails'
        $wrong.Engine | Should -BeGreaterThan ($ilOnly.Engine * 3 / 4) -Because "its code is not used: $($wrong.Engine) methods JIT-compiled, near the IL figure $($ilOnly.Engine)"
    }

    It 'for another <Kind> (<Rid>) do not load: -Debug says so and the IL does the work' -TestCases $foreignImages {
        $copy = Copy-ModuleWithImage -Name "foreign-$Rid" -From (Join-Path $moduleBase "lib/r2r/$framework/$Rid")
        $slot = Join-Path $copy "lib/r2r/$framework/$platform"

        $fallback = Measure-FirstCall -ModuleBase $copy
        $fallback.Steps | Should -Be 8
        $fallback.CoreLocation | Should -Be (Join-Path $copy 'lib/AWSSDK.Core.dll')
        $line = $fallback.Debug | Where-Object { $_ -like "IRSteps client: the ReadyToRun images in '$slot' did not load*" }
        $line | Should -Match 'did not load \(BadImageFormatException: .*\); loading the IL in '
        $line | Should -BeLike "*loading the IL in '$(Join-Path $copy 'lib')' instead"
    }

    It 'missing for this runtime or platform: the IL loads and -Debug says so' {
        $copy = Copy-ModuleWithoutImage -Name 'no-images'

        $plain = Measure-FirstCall -ModuleBase $copy
        $plain.Steps | Should -Be 8
        $plain.CoreLocation | Should -Be (Join-Path $copy 'lib/AWSSDK.Core.dll')
        $plain.Debug | Should -Contain "IRSteps client: the IL in '$(Join-Path $copy 'lib')' (no ReadyToRun images for $framework on $platform)"
    }
}
