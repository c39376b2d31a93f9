# Get-IRJobStep -ThrottleLimit: piped jobs read concurrently, written as a one-by-one read writes them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function ConvertTo-StepKey {
        # One line per step, enough to tell any two steps of the fixtures apart and to compare two runs.
        process { "$($_.JobName) " + ($_.InferenceBenchmark | ConvertTo-Json -Compress -Depth 10) }
    }

    function Get-RequestedJob {
        # The jobs whose steps the emulator was asked for, in order of arrival.
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps)) { $request.JobName }
    }

    function Start-BackgroundRead {
        # Runs a Get-IRJobStep line in another runspace of this process (same environment), so that the test
        # can watch the emulator while it runs and stop it as Ctrl+C would.
        param([string] $Line)
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$ModuleManifest'; $Line")
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke() }
    }

    function Wait-Until {
        param([scriptblock] $Condition, [int] $TimeoutSeconds = 20)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Get-IRJobStep -ThrottleLimit' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    It 'writes piped jobs job by job in the order they came, each job''s steps in page order, as -ThrottleLimit 1 does' {
        $names = 'paged-job-25', 'nightly-resnet50', 'synthetic-23', 'legacy-no-endpoint', 'synthetic-7', 'running-job'
        $sequential = @($names | Get-IRJobStep -ThrottleLimit 1 | ConvertTo-StepKey)

        # The first job answers last: the others are read (and finish) while it waits.
        Clear-IRStepsEmulatorRequest $emulator
        Add-IRStepsEmulatorFault $emulator -Kind Slow -JobName paged-job-25 -DelayMs 500
        $concurrent = @($names | Get-IRJobStep -ThrottleLimit 4 | ConvertTo-StepKey)

        $sequential.Count | Should -Be (25 + 8 + 23 + 4 + 7 + 7)
        $concurrent | Should -Be $sequential
        # The next three jobs were read while the first one's first page was held back.
        $requested = @(Get-RequestedJob)
        $secondPageOfFirst = [Array]::IndexOf($requested, 'paged-job-25', [Array]::IndexOf($requested, 'paged-job-25') + 1)
        foreach ($name in $names[1..3]) { [Array]::IndexOf($requested, $name) | Should -BeLessThan $secondPageOfFirst }
    }

    It 'reads at most -ThrottleLimit jobs at once, and stopping the command (Ctrl+C) cancels every read in flight' {
        Add-IRStepsEmulatorFault $emulator -Kind Hang -JobName synthetic-11
        $read = Start-BackgroundRead "'synthetic-11', 'synthetic-12', 'synthetic-13', 'synthetic-14', 'synthetic-15', 'synthetic-16' | Get-IRJobStep -ThrottleLimit 4"
        try {
            Wait-Until { @(Get-RequestedJob | Select-Object -Unique).Count -ge 4 }
            Start-Sleep -Milliseconds 500   # room for a fifth job to be (wrongly) started
            Get-RequestedJob | Select-Object -Unique | Sort-Object | Should -Be 'synthetic-11', 'synthetic-12', 'synthetic-13', 'synthetic-14'

            $stop = $read.Shell.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15)) | Should -BeTrue -Because 'the hung request is cancelled, not waited for'
            $read.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-RequestedJob) | Should -Not -Contain 'synthetic-15'
        }
        finally {
            $read.Shell.Dispose()
        }
    }

    It 'reads one job after another at -ThrottleLimit 1' {
        Add-IRStepsEmulatorFault $emulator -Kind Hang -JobName synthetic-11
        $read = Start-BackgroundRead "'synthetic-11', 'synthetic-12' | Get-IRJobStep -ThrottleLimit 1"
        try {
            Wait-Until { @(Get-RequestedJob).Count -ge 1 }
            Start-Sleep -Milliseconds 500
            Get-RequestedJob | Should -Be 'synthetic-11'
            $stop = $read.Shell.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15)) | Should -BeTrue
        }
        finally {
            $read.Shell.Dispose()
        }
    }

    It 'writes each failing job''s error in its place, non-terminating, with the job name as target' {
        Add-IRStepsEmulatorFault $emulator -Kind Slow -JobName nightly-resnet50 -DelayMs 300
        $all = @('nightly-resnet50', 'no-such-job', 'not a name!', 'legacy-no-endpoint' | Get-IRJobStep -ThrottleLimit 4 -ErrorAction Continue 2>&1)

        $all.Count | Should -Be (8 + 1 + 1 + 4)
        @($all[0..7] | ForEach-Object JobName | Select-Object -Unique) | Should -Be 'nightly-resnet50'
        $all[8] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $all[8].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.GetIRJobStepCommand'
        $all[8].TargetObject | Should -Be 'no-such-job'
        $all[9].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobStepCommand'
        $all[9].TargetObject | Should -Be 'not a name!'
        @($all[10..13] | ForEach-Object JobName | Select-Object -Unique) | Should -Be 'legacy-no-endpoint'
    }

    It 'keeps -First and -Skip exact across jobs read at once' {
        $names = 'paged-job-25', 'nightly-resnet50', 'legacy-no-endpoint'
        $sequential = @($names | Get-IRJobStep -ThrottleLimit 1 -Skip 20 -First 10 | ConvertTo-StepKey)
        $concurrent = @($names | Get-IRJobStep -ThrottleLimit 4 -Skip 20 -First 10 | ConvertTo-StepKey)

        $sequential.Count | Should -Be 10
        $concurrent | Should -Be $sequential
        @($concurrent | Where-Object { $_ -like 'nightly-resnet50 *' }).Count | Should -Be 5
    }

    It 'reads each piped job with its own record''s connection parameters' {
        $records = [pscustomobject]@{ JobName = 'nightly-resnet50'; Region = 'us-west-2' },
                   [pscustomobject]@{ JobName = 'paged-job-25'; Region = 'eu-west-1' }

        $steps = @($records | Get-IRJobStep -ThrottleLimit 4)

        $steps.Count | Should -Be (8 + 25)
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps)) {
            $request.Region | Should -Be $(if ($request.JobName -eq 'nightly-resnet50') { 'us-west-2' } else { 'eu-west-1' })
        }
    }

    It 'accepts 1 to 32' {
        { Get-IRJobStep nightly-resnet50 -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.GetIRJobStepCommand'
        { Get-IRJobStep nightly-resnet50 -ThrottleLimit 33 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.GetIRJobStepCommand'
    }
}
