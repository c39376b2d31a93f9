# Helpers for driving the IRSteps SageMaker emulator host (IRSteps.EmulatorHost, a process of its own) from Pester
# tests, benchmarks and the Demo. Dot-source this file:  . "$PSScriptRoot/../Emulator/Emulator.ps1"
# Dot-sourcing defines these functions and changes nothing else in the caller's session: no strict mode, no
# preference variable, no global. Windows PowerShell 5.1-compatible syntax (no ternaries, no ??).

function Get-IRStepsEmulatorDefaultPath {
    $candidates = @(
        (Join-Path $PSScriptRoot '../../out/emulator/IRSteps.EmulatorHost.dll'),
        (Join-Path $PSScriptRoot 'bin/Release/net10.0/IRSteps.EmulatorHost.dll'),
        (Join-Path $PSScriptRoot 'bin/Debug/net10.0/IRSteps.EmulatorHost.dll')
    )
    foreach ($c in $candidates) {
        if (Test-Path -LiteralPath $c) { return (Resolve-Path -LiteralPath $c).ProviderPath }
    }
    return $candidates[0]
}

function Start-IRStepsEmulator {
    <#
    .SYNOPSIS
    Starts the emulator (dotnet <dll>) and waits for its "IRSTEPS-EMULATOR LISTENING <url>" line.
    Returns [pscustomobject]@{ Url; Port; Process }. The emulator exits when its stdin closes (Stop-IRStepsEmulator).
    #>
    [CmdletBinding()]
    param(
        [string] $Path,
        [string] $Fixtures,
        [int] $Port = 0,
        [int] $TimeoutSeconds = 30,
        [string] $DotNet = 'dotnet'
    )
    if (-not $Path) { $Path = Get-IRStepsEmulatorDefaultPath }
    if (-not (Test-Path -LiteralPath $Path)) { throw "Emulator host not found at '$Path'. Build first (dotnet pwsh ./build.ps1 Build)." }
    $Path = (Resolve-Path -LiteralPath $Path).ProviderPath

    $arguments = '"' + $Path + '" --port ' + $Port
    if ($Fixtures) { $arguments += ' --fixtures "' + (Resolve-Path -LiteralPath $Fixtures).ProviderPath + '"' }

    $psi = New-Object System.Diagnostics.ProcessStartInfo
    $psi.FileName = $DotNet
    $psi.Arguments = $arguments
    $psi.UseShellExecute = $false
    $psi.CreateNoWindow = $true
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $false

    $process = [System.Diagnostics.Process]::Start($psi)
    $readLine = $process.StandardOutput.ReadLineAsync()
    if (-not $readLine.Wait([TimeSpan]::FromSeconds($TimeoutSeconds))) {
        try { $process.Kill() } catch { }
        throw "Emulator did not report LISTENING within $TimeoutSeconds s."
    }
    $line = $readLine.Result
    if ($null -eq $line -or $line -notmatch '^IRSTEPS-EMULATOR LISTENING (http://127\.0\.0\.1:(\d+))$') {
        try { $process.Kill() } catch { }
        throw "Unexpected emulator output: '$line' (exit code: $(if ($process.HasExited) { $process.ExitCode } else { 'running' }))"
    }
    [pscustomobject]@{
        Url     = $Matches[1]
        Port    = [int]$Matches[2]
        Process = $process
    }
}

function Stop-IRStepsEmulator {
    <# .SYNOPSIS Closes the emulator's stdin (it exits on EOF), waits, and kills it if needed. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Emulator, [int] $TimeoutSeconds = 10)
    process {
        $p = $Emulator.Process
        if ($null -eq $p) { return }
        try { $p.StandardInput.Close() } catch { }
        if (-not $p.WaitForExit($TimeoutSeconds * 1000)) {
            try { $p.Kill() } catch { }
            [void]$p.WaitForExit(5000)
        }
    }
}

function Invoke-IRStepsEmulatorControl {
    param($Emulator, [string] $Method, [string] $Path, $Body)
    $uri = $Emulator.Url.TrimEnd('/') + '/__emulator/' + $Path
    $params = @{ Uri = $uri; Method = $Method; ContentType = 'application/json' }
    if ($null -ne $Body) { $params.Body = (ConvertTo-Json -InputObject $Body -Depth 10 -Compress) }
    if ($PSVersionTable.PSVersion.Major -ge 7) { $params.NoProxy = $true } else { $params.UseBasicParsing = $true }
    Invoke-RestMethod @params
}

function Get-IRStepsEmulatorRequest {
    <# .SYNOPSIS Requests the emulator received (oldest first), optionally only those for one operation. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [string] $Operation)
    $all = @(Invoke-IRStepsEmulatorControl $Emulator GET 'requests' $null)
    # PS 5.1 may hand back one array object: flatten it.
    $all = @($all | ForEach-Object { $_ })
    if ($Operation) { $all = @($all | Where-Object { $_.Operation -eq $Operation }) }
    , $all
}

function Clear-IRStepsEmulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    [void](Invoke-IRStepsEmulatorControl $Emulator DELETE 'requests' $null)
}

function Add-IRStepsEmulatorFault {
    <#
    .SYNOPSIS Queues a fault for the next matching request(s).
    .PARAMETER Kind Throttle, ServerError, ServiceUnavailable, MalformedJson, Html200, Html502, Truncated, ResetMidBody,
    Slow, Hang, RepeatToken, EmptyPageWithToken, BadToken, AccessDenied.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Mandatory)]
        [ValidateSet('Throttle', 'ServerError', 'ServiceUnavailable', 'MalformedJson', 'Html200', 'Html502', 'Truncated',
            'ResetMidBody', 'Slow', 'Hang', 'RepeatToken', 'EmptyPageWithToken', 'BadToken', 'AccessDenied')]
        [string] $Kind,
        [string] $Operation,
        [string] $JobName,
        [int] $Times = 1,
        [int] $DelayMs = 0,
        # Sends x-amz-retry-after (ms) with the fault's answer: the SDK then waits at least that long before retrying.
        [int] $RetryAfterMs = -1
    )
    $fault = @{ Kind = $Kind; Times = $Times; DelayMs = $DelayMs }
    if ($RetryAfterMs -ge 0) { $fault.RetryAfterMs = $RetryAfterMs }
    if ($Operation) { $fault.Operation = $Operation }
    if ($JobName) { $fault.JobName = $JobName }
    [void](Invoke-IRStepsEmulatorControl $Emulator POST 'faults' @(, $fault))
}

function Set-IRStepsEmulatorConfig {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [int] $PageDelayMs = 0)
    [void](Invoke-IRStepsEmulatorControl $Emulator POST 'config' @{ PageDelayMs = $PageDelayMs })
}

function New-IRStepsEmulatorJob {
    <# .SYNOPSIS Creates a dynamic job: PENDING for PhaseMs, then one step completes per PhaseMs, then Outcome. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Mandatory)] [string] $JobName,
        [int] $Steps = 3,
        [ValidateSet('COMPLETED', 'FAILED')] [string] $Outcome = 'COMPLETED',
        [int] $PhaseMs = 200
    )
    [void](Invoke-IRStepsEmulatorControl $Emulator POST 'jobs' @{ JobName = $JobName; Steps = $Steps; Outcome = $Outcome; PhaseMs = $PhaseMs })
}

function Reset-IRStepsEmulator {
    <# .SYNOPSIS Clears the request log, faults, config, dynamic jobs and stop requests. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    [void](Invoke-IRStepsEmulatorControl $Emulator POST 'reset' $null)
}

function Get-IRStepsEmulatorSecret {
    <# .SYNOPSIS The secret key the emulator accepts for a test access key (any key starting with AKIDTEST). #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $AccessKey)
    'emu/secret+' + $AccessKey
}
