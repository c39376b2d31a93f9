<#
.SYNOPSIS
    Benchmarks IRSteps against references measured in the same run, on the local emulator: figures, not
    pass/fail. Run with: dotnet pwsh ./build.ps1 Bench (builds, installs tests/Conformance's npm packages).
.DESCRIPTION
    Each figure is the median of -Runs runs, after a warm-up, printed as a table with the reference beside it:
      Throughput      synthetic-5000 at 100 steps a page: Get-IRJobStep, the @aws-sdk/client-sagemaker paginator,
                      and the emulator's own time serving those 50 pages (the floor); warm (after -WarmUp reads in
                      a process, each side; and the import plus those reads, in all) and cold (a fresh process's
                      first read, from just before Import-Module, or the SDK's import, to the last step), the module
                      from its ReadyToRun images (R2R) and from its IL (IRSTEPS_NO_R2R=1), in fresh processes
                      alternated with the AWS SDK's
      First object    time to Get-IRJobStep's first object, against one 100-step page by the AWS SDK; and how
                      long after the first object the second page was requested (positive: first object first)
      Start-up        Import-Module in a fresh pwsh above a bare pwsh start, and what the type and format data
                      add to it; the import and first call in a fresh process above a bare start (R2R and IL),
                      against a fresh Node process's import of the AWS SDK and first call above a bare node start
      Memory          working set streaming synthetic-100000 (100 a page) in a fresh pwsh: start, peak, end; and the
                      peak over synthetic-1000000 against it (flat: it plateaus)
      Many jobs       20 piped job names with a 100 ms page (PageDelayMs) at -ThrottleLimit 1 and 4
#>
[CmdletBinding()]
param(
    [int] $Runs = 5,
    # Reads of the 5,000-step job before the throughput runs, on each side.
    [int] $WarmUp = 20,
    # Rounds of fresh processes for the cold and start-up figures (medians of differences within a round).
    [int] $Rounds = 15,
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../out/IRSteps/IRSteps.psd1'),
    [string] $EmulatorDll = (Join-Path $PSScriptRoot '../out/emulator/IRSteps.EmulatorHost.dll')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot '../tests/Emulator/Emulator.ps1')

$ModuleManifest = (Resolve-Path $ModuleManifest).ProviderPath
$AwsSdkScript = Join-Path $PSScriptRoot 'aws-sdk-read.mjs'
$PwshDll = Join-Path (Split-Path ([psobject].Assembly.Location)) 'pwsh.dll'
$AccessKey = 'AKIDTESTBENCH'

# Only the emulator: no profile, no instance metadata, the emulator's test key.
$benchHome = Join-Path ([IO.Path]::GetTempPath()) ('irsteps-bench-' + [Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Force (Join-Path $benchHome '.aws') | Out-Null
Get-ChildItem Env: | Where-Object Name -Like 'AWS_*' | ForEach-Object { Remove-Item "Env:$($_.Name)" }
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $benchHome '.aws/credentials'
$env:AWS_CONFIG_FILE = Join-Path $benchHome '.aws/config'
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:AWS_ACCESS_KEY_ID = $AccessKey
$env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret -AccessKey $AccessKey
$env:AWS_REGION = 'us-east-1'
Remove-Item Env:IRSTEPS_NO_R2R -ErrorAction Ignore

# Profile files as an operations engineer has them (SSO, roles, keys), read by both sides as their SDKs do, so that the
# cold figures show what reading them costs even when the keys and the region are given (typed, on both sides).
$config = [Text.StringBuilder]::new("[default]`nregion = us-east-1`noutput = json`n`n[sso-session corp]`nsso_start_url = https://corp.awsapps.example/start`nsso_region = us-east-1`nsso_registration_scopes = sso:account:access`n")
$credentials = [Text.StringBuilder]::new("[default]`naws_access_key_id = $AccessKey`naws_secret_access_key = $env:AWS_SECRET_ACCESS_KEY`n")
foreach ($n in 1..12) {
    $account = '1234567890{0:00}' -f $n
    $null = $config.Append("`n[profile sso-$n]`nsso_session = corp`nsso_account_id = $account`nsso_role_name = ReadOnly`nregion = eu-west-1`n")
    $null = $config.Append("`n[profile ops-$n]`nrole_arn = arn:aws:iam::${account}:role/ops`nsource_profile = keys-$n`nregion = us-west-2`nduration_seconds = 3600`n")
    $null = $credentials.Append("`n[keys-$n]`naws_access_key_id = AKIDBENCHPROFILE$n`naws_secret_access_key = bench-not-a-secret-$n`n")
}
Set-Content -Path $env:AWS_CONFIG_FILE -Value $config.ToString()
Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE -Value $credentials.ToString()

function Get-Median {
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count % 2) { return $sorted[[int][Math]::Floor($sorted.Count / 2)] }
    return ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2
}

function Measure-Ms {
    param([scriptblock] $Script)
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Script
    $stopwatch.Elapsed.TotalMilliseconds
}

function Invoke-AwsSdk {
    # Runs bench/aws-sdk-read.mjs and returns its JSON result.
    param([string] $Mode, [string] $Job, [int] $Count = $Runs, [int] $PageSize = 100, [int] $WarmUp = 3)
    $output = & node $AwsSdkScript --mode $Mode --job $Job --runs $Count --warmup $WarmUp --page-size $PageSize --endpoint $emulator.Url `
        --access-key $AccessKey --secret $env:AWS_SECRET_ACCESS_KEY
    if ($LASTEXITCODE -ne 0) { throw "aws-sdk-read.mjs --mode $Mode failed" }
    $output | ConvertFrom-Json
}

function Invoke-FreshPwsh {
    # Runs a command in a new pwsh process (no profile); returns its output and wall time. -IL: the module loads its IL
    # (IRSTEPS_NO_R2R=1) instead of its ReadyToRun images.
    param([string] $Command, [switch] $IL)
    if ($IL) { $env:IRSTEPS_NO_R2R = '1' }
    try {
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $output = & dotnet $PwshDll -NoProfile -NonInteractive -Command $Command
        $ms = $stopwatch.Elapsed.TotalMilliseconds
    }
    finally {
        Remove-Item Env:IRSTEPS_NO_R2R -ErrorAction Ignore
    }
    if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' failed: $output" }
    [pscustomobject]@{ Ms = $ms; Output = $output }
}

function Measure-StreamingMemory {
    # Runs a command in a new pwsh that prints START and END around what is measured; samples the process's
    # working set from here every 20 ms in between. Returns start, peak and end in bytes.
    param([string] $Command)
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $PwshDll, '-NoProfile', '-NonInteractive', '-Command', $Command) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    try {
        while (($line = $process.StandardOutput.ReadLine()) -ne 'START') {
            if ($null -eq $line) { throw 'The memory benchmark process ended before START.' }
        }
        $process.Refresh(); $start = $process.WorkingSet64; $peak = $start
        $end = $process.StandardOutput.ReadLineAsync()
        while (-not $end.Wait(20)) {
            $process.Refresh()
            if ($process.WorkingSet64 -gt $peak) { $peak = $process.WorkingSet64 }
        }
        $process.Refresh()
        $last = $process.WorkingSet64
        if ($end.Result -ne 'END') { throw "The memory benchmark process said '$($end.Result)' instead of END." }
        [double[]] ($start, [Math]::Max($peak, $last), $last)
    }
    finally {
        $process.WaitForExit(30000) | Out-Null
        $process.Dispose()
    }
}

function Get-EmulatorServerMs {
    (Invoke-IRStepsEmulatorControl $emulator GET 'stats' $null).ServerSeconds * 1000
}

$rows = [Collections.Generic.List[object]]::new()
function Add-Row {
    param([string] $Benchmark, [string] $Figure, $IRSteps, $Reference, [string] $ReferenceName, [string] $Ratio)
    $rows.Add([pscustomobject]@{
            Benchmark = $Benchmark
            Figure    = $Figure
            IRSteps   = if ($IRSteps -is [double]) { [Math]::Round($IRSteps, 1) } else { $IRSteps }
            Reference = if ($Reference -is [double]) { [Math]::Round($Reference, 1) } else { $Reference }
            Of        = $ReferenceName
            Ratio     = $Ratio
        })
}

function Format-Ratio {
    param([double] $Value, [string] $Meaning)
    '{0:0.00}x {1}' -f $Value, $Meaning
}

$emulator = Start-IRStepsEmulator -Path $EmulatorDll
$env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
try {
    Import-Module $ModuleManifest
    Write-Host "IRSteps benchmarks: $Runs runs each (medians), emulator $($emulator.Url), $([Environment]::ProcessorCount) cores"

    # --- Throughput ------------------------------------------------------------------------------------------
    Write-Host 'Throughput ...'
    $job = 'synthetic-5000'
    $variants = 'R2R', 'IL'
    # Cold: a fresh process's first read, measured inside it from just before Import-Module (the AWS SDK's import on the
    # other side) to the last step, keys and region typed on both sides. Fresh processes alternate, IRSteps from its
    # ReadyToRun images, from its IL, then the AWS SDK, round after round, so that the machine's load weighs on all alike.
    $typed = "-AccessKey $AccessKey -SecretKey '$env:AWS_SECRET_ACCESS_KEY' -Region us-east-1 -EndpointUrl '$($emulator.Url)'"
    $coldCommand = "`$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModuleManifest'; Get-IRJobStep $job -MaxResult 100 $typed | Out-Null; `$s.Elapsed.TotalMilliseconds"
    $cold = @{ R2R = @(); IL = @() }; $jsCold = @()
    $null = Invoke-FreshPwsh 'exit'
    for ($i = 0; $i -lt $Rounds; $i++) {
        foreach ($variant in $variants) { $cold[$variant] += [double] (Invoke-FreshPwsh $coldCommand -IL:($variant -eq 'IL')).Output }
        $jsCold += (Invoke-AwsSdk -Mode cold-read -Job $job -Count 1 -WarmUp 0).Ms
    }
    # Warm: each side reads the job $WarmUp times in a process first (.NET's tiered JIT needs some 15 reads of 50 pages
    # here to finish optimizing; V8 some 5), then $Runs times measured; the processes alternate as above, twice.
    # The time from just before the import to the end of the warm-up reads is a figure too: the ReadyToRun code is
    # replaced by optimized code a few reads later than the IL's tier-0 code is.
    $warmCommand = "`$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModuleManifest'; foreach (`$i in 1..$WarmUp) { Get-IRJobStep $job -MaxResult 100 | Out-Null }; " +
        "`$s.Elapsed.TotalMilliseconds; (1..$Runs | ForEach-Object { `$s = [Diagnostics.Stopwatch]::StartNew(); Get-IRJobStep $job -MaxResult 100 | Out-Null; `$s.Elapsed.TotalMilliseconds }) -join ' '"
    $warm = @{ R2R = @(); IL = @() }; $warmUpTotal = @{ R2R = @(); IL = @() }; $jsMs = @(); $jsWarmUpTotal = @()
    for ($i = 0; $i -lt 2; $i++) {
        foreach ($variant in $variants) {
            $output = (Invoke-FreshPwsh $warmCommand -IL:($variant -eq 'IL')).Output
            $warmUpTotal[$variant] += [double] $output[0]
            $warm[$variant] += [double[]] ("$($output[1])" -split ' ')
        }
        $sdkWarm = Invoke-AwsSdk -Mode throughput -Job $job -Count $Runs -WarmUp $WarmUp
        $jsMs += $sdkWarm.Ms
        $jsWarmUpTotal += $sdkWarm.WarmUpMs
    }
    # The floor: the emulator's own time serving the 50 pages, read here (the module is warm in this process by now).
    foreach ($warmUpRead in 1..3) { Get-IRJobStep $job -MaxResult 100 | Out-Null }
    $floorMs = @()
    for ($i = 0; $i -lt $Runs; $i++) {
        Reset-IRStepsEmulator $emulator
        Get-IRJobStep $job -MaxResult 100 | Out-Null
        $floorMs += Get-EmulatorServerMs
    }
    $js = Get-Median $jsMs; $floor = Get-Median $floorMs; $jsColdMs = Get-Median $jsCold
    foreach ($variant in $variants) {
        $module = Get-Median $warm[$variant]
        Add-Row 'Throughput' "$job @100/page, warm, $variant, ms" $module $js 'AWS SDK JS paginator' (Format-Ratio ($js / $module) 'IRSteps speed vs JS')
    }
    foreach ($variant in $variants) {
        $total = Get-Median $warmUpTotal[$variant]; $jsTotal = Get-Median $jsWarmUpTotal
        Add-Row 'Throughput' "import + the first $WarmUp reads in a fresh process, $variant, ms" $total $jsTotal "AWS SDK JS: import + $WarmUp reads" (Format-Ratio ($jsTotal / $total) 'IRSteps speed vs JS')
    }
    $module = Get-Median $warm.R2R
    Add-Row 'Throughput' "$job @100/page, warm, R2R, steps/s" (5000 / $module * 1000) (5000 / $js * 1000) 'AWS SDK JS paginator' ''
    Add-Row 'Throughput' 'emulator serving the 50 pages, ms' $module $floor 'emulator server time (floor)' (Format-Ratio ($module / $floor) 'IRSteps time over the floor')
    foreach ($variant in $variants) {
        $coldMs = Get-Median $cold[$variant]
        Add-Row 'Throughput' "$job, cold: import + first read in a fresh process, $variant, ms" $coldMs $jsColdMs 'AWS SDK JS: import + first read' (Format-Ratio ($coldMs / $jsColdMs) 'of JS time (goal <= 1.5x)')
    }

    # --- Time to first object --------------------------------------------------------------------------------
    Write-Host 'First object ...'
    $firstMs = @(); $gapMs = @()
    for ($i = 0; $i -lt $Runs; $i++) {
        Reset-IRStepsEmulator $emulator
        $script:firstAt = $null
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        Get-IRJobStep synthetic-300 -MaxResult 100 | ForEach-Object {
            if ($null -eq $script:firstAt) { $script:firstAt = [DateTimeOffset]::UtcNow; $script:firstMs = $stopwatch.Elapsed.TotalMilliseconds }
        }
        $requests = Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps
        $firstMs += $script:firstMs
        $gapMs += ([DateTimeOffset] $requests[1].Time - $script:firstAt).TotalMilliseconds
    }
    $sdkFirst = Invoke-AwsSdk -Mode first-page -Job synthetic-300
    $first = Get-Median $firstMs
    Add-Row 'First object' 'time to first object / one 100-step page, ms' $first (Get-Median $sdkFirst.Ms) 'AWS SDK JS, one page' (Format-Ratio ($first / (Get-Median $sdkFirst.Ms)) 'of the page time')
    Add-Row 'First object' 'second page requested after first object, ms (min)' ([double] ($gapMs | Measure-Object -Minimum).Minimum) '' '' 'positive: first object first'

    # --- Start-up --------------------------------------------------------------------------------------------
    # A bare start runs no command; the first command of a session (any Import-Module) pays PowerShell's own
    # warm-up, so an empty module's import is measured too, to show IRSteps' share apart.
    Write-Host 'Start-up ...'
    $emptyModule = Join-Path $benchHome 'Empty/Empty.psd1'
    New-Item -ItemType Directory -Force (Split-Path $emptyModule) | Out-Null
    Set-Content $emptyModule "@{ ModuleVersion = '1.0'; CmdletsToExport = @(); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }"
    # The type and format data's share of the import: the same module without them (FormatsToProcess and TypesToProcess
    # emptied in a copy of its manifest).
    $noData = Join-Path $benchHome 'NoData/IRSteps'
    New-Item -ItemType Directory -Force (Split-Path $noData) | Out-Null
    Copy-Item -Recurse (Split-Path $ModuleManifest) $noData
    $noDataManifest = Join-Path $noData 'IRSteps.psd1'
    (Get-Content -Raw $noDataManifest) -replace '(?m)^(\s*(Formats|Types)ToProcess\s*=).*$', '$1 @()' | Set-Content -NoNewline $noDataManifest
    $bare = @(); $empty = @(); $import = @(); $nodeBare = @(); $nodeFirst = @(); $emptyInner = @(); $noDataInner = @()
    $firstCall = @{ R2R = @(); IL = @() }; $inner = @{ R2R = @(); IL = @() }
    $callCommand = "`$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModuleManifest'; `$i = `$s.Elapsed.TotalMilliseconds; " +
        "Get-IRJobStep nightly-resnet50 $typed | Out-Null; '{0} {1}' -f `$i, (`$s.Elapsed.TotalMilliseconds - `$i)"
    $null = Invoke-FreshPwsh 'exit'
    # Fresh processes vary by 100 ms and more on a busy machine: each figure is the median of differences taken
    # within one round (bare, empty, IRSteps one after the other), over -Rounds rounds.
    for ($i = 0; $i -lt $Rounds; $i++) {
        $bare += (Invoke-FreshPwsh 'exit').Ms
        $emptyRun = Invoke-FreshPwsh "`$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$emptyModule'; `$s.Elapsed.TotalMilliseconds"
        $empty += $emptyRun.Ms
        $emptyInner += [double] "$($emptyRun.Output)"
        $import += (Invoke-FreshPwsh "Import-Module '$ModuleManifest'").Ms
        $noDataInner += [double] "$((Invoke-FreshPwsh "`$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$noDataManifest'; `$s.Elapsed.TotalMilliseconds").Output)"
        foreach ($variant in $variants) {
            $call = Invoke-FreshPwsh $callCommand -IL:($variant -eq 'IL')
            $firstCall[$variant] += $call.Ms
            $inner[$variant] += , ([double[]] ("$($call.Output)" -split ' '))
        }
        $stopwatch = [Diagnostics.Stopwatch]::StartNew(); & node -e '0'; $nodeBare += $stopwatch.Elapsed.TotalMilliseconds
        $stopwatch = [Diagnostics.Stopwatch]::StartNew(); $null = Invoke-AwsSdk -Mode first-page -Job nightly-resnet50 -Count 1 -WarmUp 0 -PageSize 10
        $nodeFirst += $stopwatch.Elapsed.TotalMilliseconds
    }
    $bareMs = Get-Median $bare
    $roundIndexes = 0..($bare.Count - 1)
    Add-Row 'Start-up' 'Import-Module above a bare pwsh start, ms' (Get-Median ($roundIndexes | ForEach-Object { $import[$_] - $bare[$_] })) $bareMs 'bare pwsh start (-Command exit)' 'goal <= 150 ms'
    Add-Row 'Start-up' 'of which any first command (an empty module''s import), ms' (Get-Median ($roundIndexes | ForEach-Object { $empty[$_] - $bare[$_] })) '' '' ''
    Add-Row 'Start-up' 'IRSteps above an empty module, ms' (Get-Median ($roundIndexes | ForEach-Object { $import[$_] - $empty[$_] })) '' '' ''
    $importInner = Get-Median ($inner.R2R | ForEach-Object { $_[0] }); $emptyInnerMs = Get-Median $emptyInner
    Add-Row 'Start-up' 'Import-Module measured inside the process, ms' $importInner $emptyInnerMs 'an empty module, inside the process' ''
    Add-Row 'Start-up' 'IRSteps above an empty module, inside the process, ms' ($importInner - $emptyInnerMs) '' '' ''
    Add-Row 'Start-up' 'of which the type and format data, inside the process, ms' (Get-Median ($roundIndexes | ForEach-Object { $inner.R2R[$_][0] - $noDataInner[$_] })) (Get-Median $noDataInner) 'IRSteps without them, inside the process' ''
    $theirs = Get-Median ($roundIndexes | ForEach-Object { $nodeFirst[$_] - $nodeBare[$_] })
    foreach ($variant in $variants) {
        $ours = Get-Median ($roundIndexes | ForEach-Object { $firstCall[$variant][$_] - $bare[$_] })
        Add-Row 'Start-up' "import + first call in a fresh process, above a bare start, $variant, ms" $ours $theirs 'Node: import AWS SDK + call, above bare' (Format-Ratio ($ours / $theirs) 'of JS time (goal <= 1.1x)')
    }
    foreach ($variant in $variants) {
        Add-Row 'Start-up' "first call measured inside the process, $variant, ms" (Get-Median ($inner[$variant] | ForEach-Object { $_[1] })) '' '' ''
    }

    # --- Memory ----------------------------------------------------------------------------------------------
    # Sampled from outside the process, so that measuring adds nothing to the process measured.
    Write-Host 'Memory ...'
    $memoryCommand = "Import-Module '$ModuleManifest'; `$null = Get-IRJobStep synthetic-300 -MaxResult 100; [GC]::Collect(); " +
        "[GC]::WaitForPendingFinalizers(); [GC]::Collect(); 'START'; Get-IRJobStep synthetic-100000 -MaxResult 100 | Out-Null; 'END'"
    $memory = @(); $memoryRuns = [Math]::Max(1, [Math]::Min($Runs, 3))
    for ($i = 0; $i -lt $memoryRuns; $i++) { $memory += , (Measure-StreamingMemory $memoryCommand) }
    $sdkMemory = Invoke-AwsSdk -Mode memory -Job synthetic-100000 -Count 1
    $mb = 1MB
    $startMb = Get-Median ($memory | ForEach-Object { $_[0] / $mb }); $peakMb = Get-Median ($memory | ForEach-Object { $_[1] / $mb }); $endMb = Get-Median ($memory | ForEach-Object { $_[2] / $mb })
    Add-Row 'Memory' 'synthetic-100000 working set at start, MB' $startMb ($sdkMemory.StartBytes / $mb) 'Node RSS, AWS SDK paginator' ''
    Add-Row 'Memory' 'peak while streaming, MB' $peakMb ($sdkMemory.PeakBytes / $mb) 'Node RSS, AWS SDK paginator' ''
    Add-Row 'Memory' 'end, MB' $endMb ($sdkMemory.EndBytes / $mb) 'Node RSS, AWS SDK paginator' ''
    Add-Row 'Memory' 'growth (peak - start), MB' ($peakMb - $startMb) (($sdkMemory.PeakBytes - $sdkMemory.StartBytes) / $mb) 'Node RSS, AWS SDK paginator' "goal < 50 MB; $memoryRuns fresh processes"
    # Ten times the steps: flat means the peak plateaus (the GC's own gen0 budget, whatever it is on this machine), not
    # that it never rises. The reference is the 100,000-step peak above.
    $million = Measure-StreamingMemory ($memoryCommand -replace 'synthetic-100000', 'synthetic-1000000')
    Add-Row 'Memory' 'synthetic-1000000 peak while streaming, MB' ($million[1] / $mb) $peakMb 'IRSteps, synthetic-100000 peak' (Format-Ratio (($million[1] / $mb) / $peakMb) 'of the 100,000-step peak')

    # --- Many jobs -------------------------------------------------------------------------------------------
    Write-Host 'Many jobs ...'
    $names = 1..20 | ForEach-Object { "synthetic-$_" }
    Set-IRStepsEmulatorConfig $emulator -PageDelayMs 100
    $one = @(); $four = @()
    for ($i = 0; $i -lt [Math]::Max(1, [Math]::Min($Runs, 3)); $i++) {
        $one += Measure-Ms { $names | Get-IRJobStep -ThrottleLimit 1 | Out-Null }
        $four += Measure-Ms { $names | Get-IRJobStep -ThrottleLimit 4 | Out-Null }
    }
    Set-IRStepsEmulatorConfig $emulator -PageDelayMs 0
    Add-Row 'Many jobs' '20 piped jobs, 100 ms page: -ThrottleLimit 4, ms' (Get-Median $four) (Get-Median $one) '-ThrottleLimit 1' (Format-Ratio ((Get-Median $one) / (Get-Median $four)) 'faster (goal >= 3x)')
}
finally {
    Stop-IRStepsEmulator $emulator
    Remove-Item -Recurse -Force -ErrorAction Ignore $benchHome
}

$rows | Format-Table -AutoSize -Wrap | Out-String -Width 220 | Write-Host
