# Ctrl+C: a command is stopped through the PowerShell API (BeginInvoke, then Stop, which is what Ctrl+C
# does to a pipeline) while a page hangs, while a page is slow, during a retry back-off and during
# Wait-IRJob. Each stop is timed; the issue asks for one second at most.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $hasWaitIRJob = [bool](Get-Command -Module IRSteps -Name Wait-IRJob -ErrorAction Ignore)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator
    $measured = [ordered]@{}

    function Wait-Until {
        # Polls a condition every 20 ms; false when it did not hold within the time given.
        param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutMs = 10000)
        $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
        while ([DateTime]::UtcNow -lt $deadline) {
            if (& $Condition) { return $true }
            Start-Sleep -Milliseconds 20
        }
        return $false
    }

    function Measure-Stop {
        <#
        Starts a script in a new PowerShell (the module imported, the process's AWS environment), waits until
        -InFlight says the moment to stop has come, stops it and returns how long Stop() took and what came out.
        #>
        param(
            [Parameter(Mandatory)] [string] $Script,
            [Parameter(Mandatory)] [scriptblock] $InFlight,
            [Parameter(Mandatory)] [string] $Name
        )
        $shell = [powershell]::Create()
        try {
            # One script, not a batch of statements: a stopped batch can touch its runspace after Dispose and take the process down.
            $null = $shell.AddScript("Import-Module '$ModuleManifest'`n$Script")
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $async = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]$null, $output)
            (Wait-Until { $shell.InvocationStateInfo.State -eq 'Running' -and (& $InFlight) }) | Should -BeTrue -Because 'the command reaches the moment to stop'
            $shell.InvocationStateInfo.State | Should -Be 'Running' -Because 'it is still waiting when stopped'

            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopwatch.Stop()

            try { $null = $shell.EndInvoke($async) } catch { }   # PipelineStoppedException: what a stop leaves
            $measured[$Name] = $stopwatch.ElapsedMilliseconds
            Write-Host ("    time to stop {0}: {1} ms" -f $Name, $stopwatch.ElapsedMilliseconds)
            [pscustomobject]@{
                StopMs    = $stopwatch.ElapsedMilliseconds
                State     = $shell.InvocationStateInfo.State
                Completed = $async.IsCompleted
                Output    = @($output)
                # PowerShell itself records PipelineStopped when a pipeline is stopped; anything else is the command's.
                Errors    = @($shell.Streams.Error | Where-Object FullyQualifiedErrorId -ne 'PipelineStopped')
            }
        }
        finally {
            $shell.Dispose()
        }
    }

    function Get-StepRequest {
        Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps | ForEach-Object { $_ }
    }
}

AfterAll {
    Write-Host ('    Ctrl+C, time to stop: ' + (($measured.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value) ms" }) -join ', '))
    Stop-IRStepsEmulator $emulator
}

Describe 'Ctrl+C (StopProcessing)' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    It 'stops Get-IRJobStep within a second while a page hangs, and abandons the request' {
        Add-IRStepsEmulatorFault $emulator -Kind Hang -Operation ListInferenceRecommendationsJobSteps

        $result = Measure-Stop -Name 'a hung page' -Script 'Get-IRJobStep paged-job-25' -InFlight { @(Get-StepRequest | Where-Object ErrorCode -eq 'Hang').Count -eq 1 }

        $result.StopMs | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
        $result.Completed | Should -BeTrue
        $result.Output | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty -Because 'Ctrl+C is not an error of the command'
        # The HTTP request itself was cancelled: the emulator saw the client go.
        (Wait-Until { (@(Get-StepRequest)[0]).StatusCode -eq 499 } -TimeoutMs 2000) | Should -BeTrue
    }

    It 'stops Get-IRJobStep within a second while a slow page is on its way, after the pages already written' {
        Add-IRStepsEmulatorFault $emulator -Kind Slow -Operation ListInferenceRecommendationsJobSteps -DelayMs 0
        Add-IRStepsEmulatorFault $emulator -Kind Slow -Operation ListInferenceRecommendationsJobSteps -DelayMs 20000

        $result = Measure-Stop -Name 'a slow page' -Script 'Get-IRJobStep paged-job-25 -MaxResult 10' -InFlight {
            # Page 1 answered (the emulator logs a request when it answers it); page 2 then requested and held.
            if (@(Get-StepRequest).Count -ne 1) { return $false }
            Start-Sleep -Milliseconds 300
            $true
        }

        $result.StopMs | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
        $result.Output.Count | Should -Be 10 -Because 'page 1 was written before the stop, page 2 never'
        $result.Errors | Should -BeNullOrEmpty -Because 'Ctrl+C is not an error of the command'
        (Wait-Until { @(Get-StepRequest | Where-Object StatusCode -eq 499).Count -eq 1 } -TimeoutMs 2000) | Should -BeTrue
    }

    It 'stops Get-IRJobStep within a second during a retry back-off, and makes no further attempt' {
        # x-amz-retry-after makes the SDK back off at least 2.5 s before its retry.
        Add-IRStepsEmulatorFault $emulator -Kind Throttle -Operation ListInferenceRecommendationsJobSteps -Times 5 -RetryAfterMs 2500

        $result = Measure-Stop -Name 'a retry back-off' -Script 'Get-IRJobStep paged-job-25' -InFlight {
            if (@(Get-StepRequest).Count -ne 1) { return $false }
            Start-Sleep -Milliseconds 300   # well inside the back-off
            $true
        }

        $result.StopMs | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
        $result.Errors | Should -BeNullOrEmpty -Because 'Ctrl+C is not an error of the command'
        # Past the end of the back-off: the retry was cancelled with it, not merely left pending.
        Start-Sleep -Milliseconds 3000
        @(Get-StepRequest).Count | Should -Be 1
    }

    It 'lets the back-off run its course and retry when not stopped (the stop above is what ended it)' {
        Add-IRStepsEmulatorFault $emulator -Kind Throttle -Operation ListInferenceRecommendationsJobSteps -Times 1 -RetryAfterMs 1500

        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $steps = Get-IRJobStep legacy-no-endpoint
        $stopwatch.Stop()

        $steps.Count | Should -Be 4
        @(Get-StepRequest).Count | Should -Be 2
        $stopwatch.ElapsedMilliseconds | Should -BeGreaterOrEqual 1400
    }

    It 'stops Wait-IRJob within a second while it waits for a job' -Skip:(-not $hasWaitIRJob) {
        New-IRStepsEmulatorJob $emulator -JobName cancel-wait -Steps 2 -PhaseMs 60000

        $result = Measure-Stop -Name 'Wait-IRJob' -Script 'Wait-IRJob -JobName cancel-wait' -InFlight {
            if (@(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ } | Where-Object JobName -eq 'cancel-wait').Count -lt 1) { return $false }
            Start-Sleep -Milliseconds 300   # between two polls
            $true
        }

        $result.StopMs | Should -BeLessThan 1000
        $result.State | Should -Be 'Stopped'
        $result.Errors | Should -BeNullOrEmpty -Because 'Ctrl+C is not an error of the command'
    }

    It 'stops Get-IRJobStep within a second while its credentials are still being fetched (a slow credential_process)' {
        # A credential_process that says it has started, then takes half a minute: as an SSO or STS call that hangs would.
        $folder = Join-Path $TestDrive 'slow-credentials'
        $null = New-Item -ItemType Directory -Force -Path $folder
        $marker = Join-Path $folder 'started'
        $process = Join-Path $folder 'slow-credential-process.ps1'
        Set-Content -Path $process -Value "Set-Content -Path '$marker' -Value `$PID; Start-Sleep -Seconds 30"
        $pwsh = (Get-Process -Id $PID).Path
        $command = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { "$pwsh $(Join-Path $PSHOME 'pwsh.dll')" } else { $pwsh }
        Set-Content -Path $env:AWS_CONFIG_FILE -Value "[profile slow]`ncredential_process = $command -NoProfile -File $process"
        try {
            $result = Measure-Stop -Name 'slow credentials' -Script 'Get-IRJobStep nightly-resnet50 -ProfileName slow' -InFlight { Test-Path $marker }

            $result.StopMs | Should -BeLessThan 1000
            $result.State | Should -Be 'Stopped'
            $result.Output | Should -BeNullOrEmpty
            $result.Errors | Should -BeNullOrEmpty -Because 'Ctrl+C is not an error of the command'
            @(Get-StepRequest) | Should -BeNullOrEmpty -Because 'no request can be sent before the credentials are known'
        }
        finally {
            Remove-Item -Path $env:AWS_CONFIG_FILE -ErrorAction Ignore
            if (Test-Path $marker) { Stop-Process -Id ([int](Get-Content $marker)) -ErrorAction Ignore }
        }
    }
}
