# Wait-IRJob against the emulator's dynamic jobs (PENDING, then one step done per phase, then COMPLETED or FAILED).
# Progress, warnings and errors are read from a [powershell] instance's streams, as a host would see them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Invoke-Captured([string] $Script) {
        # Runs a script in a fresh runspace of this process (same AWS environment) and returns every stream.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; $Script")
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $output = $ps.Invoke()
            [pscustomobject]@{
                Output   = @($output)
                Errors   = @($ps.Streams.Error)
                Progress = @($ps.Streams.Progress)
                Warnings = @($ps.Streams.Warning)
                Seconds  = $clock.Elapsed.TotalSeconds
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    function Get-ApiRequest([string] $Operation) {
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation $Operation)) {
            $request | Add-Member -NotePropertyName Input -NotePropertyValue ($request.Body | ConvertFrom-Json) -PassThru
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Wait-IRJob' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    Context 'a job that completes' {
        It 'polls until COMPLETED and writes the final, typed job' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-done -Steps 2 -PhaseMs 300

            $run = Invoke-Captured 'Wait-IRJob dyn-done -PollInterval 0.2'

            $run.Errors | Should -BeNullOrEmpty
            $run.Output.Count | Should -Be 1
            $run.Output[0] | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
            $run.Output[0].JobName | Should -Be 'dyn-done'
            $run.Output[0].Status | Should -Be 'COMPLETED'
            $run.Output[0].CompletionTime | Should -Not -BeNullOrEmpty
            @(Get-ApiRequest DescribeInferenceRecommendationsJob).Count | Should -BeGreaterThan 1
        }

        It 'returns a job that has already finished after one look, without listing its steps' {
            $job = Wait-IRJob nightly-resnet50

            $job.Status | Should -Be 'COMPLETED'
            @(Get-ApiRequest DescribeInferenceRecommendationsJob).Count | Should -Be 1
            Get-ApiRequest ListInferenceRecommendationsJobSteps | Should -BeNullOrEmpty
        }

        It 'writes one progress bar per job with its status and steps done, and completes each' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-bar-a -Steps 3 -PhaseMs 500
            New-IRStepsEmulatorJob $emulator -JobName dyn-bar-b -Steps 2 -PhaseMs 500

            $run = Invoke-Captured "'dyn-bar-a', 'dyn-bar-b' | Wait-IRJob -PollInterval 0.15"

            $run.Output.JobName | Sort-Object | Should -Be @('dyn-bar-a', 'dyn-bar-b')
            $byJob = $run.Progress | Group-Object ActivityId
            $byJob.Count | Should -Be 2
            foreach ($bar in $byJob) {
                $activity = $bar.Group[0].Activity
                $activity | Should -Match '^dyn-bar-[ab]$' -Because 'the bar names its job first, whole when it fits'
                $bar.Group.Activity | Select-Object -Unique | Should -Be $activity
                $total = if ($activity -like '*dyn-bar-a') { 3 } else { 2 }

                $running = @($bar.Group | Where-Object RecordType -eq 'Processing')
                $running.Count | Should -BeGreaterThan 1
                $running | ForEach-Object { $_.StatusDescription | Should -Match "^(PENDING|IN_PROGRESS): \d of $total steps done$" }
                @($running | Where-Object StatusDescription -like 'IN_PROGRESS*').Count | Should -BeGreaterThan 0
                # Steps done only ever go up, and the percentage follows them.
                $done = $running | ForEach-Object { [int]($_.StatusDescription -replace '^\w+: (\d) of .*$', '$1') }
                for ($i = 1; $i -lt $done.Count; $i++) { $done[$i] | Should -BeGreaterOrEqual $done[$i - 1] }
                $running | ForEach-Object { $_.PercentComplete | Should -Be ([int]([Math]::Floor(100 * [int]($_.StatusDescription -replace '^\w+: (\d) of .*$', '$1') / $total))) }

                $last = $bar.Group[-1]
                $last.RecordType | Should -Be 'Completed'
                $last.StatusDescription | Should -Be 'COMPLETED'
            }
        }

        It 'waits on piped jobs together: the one that finishes first is written first' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-slow -Steps 6 -PhaseMs 300
            New-IRStepsEmulatorJob $emulator -JobName dyn-fast -Steps 1 -PhaseMs 300

            $run = Invoke-Captured "'dyn-slow', 'dyn-fast' | Wait-IRJob -PollInterval 0.1"

            $run.Errors | Should -BeNullOrEmpty
            $run.Output.JobName | Should -Be @('dyn-fast', 'dyn-slow')
            # Both were looked at in the same polls, not one after the other.
            $describes = (Get-ApiRequest DescribeInferenceRecommendationsJob).Input.JobName
            $describes[0..1] | Should -Be @('dyn-slow', 'dyn-fast')
        }

        It 'takes jobs from Get-IRJob by property name' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-listed-1 -Steps 1 -PhaseMs 200
            New-IRStepsEmulatorJob $emulator -JobName dyn-listed-2 -Steps 1 -PhaseMs 200

            $run = Invoke-Captured 'Get-IRJob -NameContain dyn-listed | Wait-IRJob -PollInterval 0.1'

            $run.Output.JobName | Sort-Object | Should -Be @('dyn-listed-1', 'dyn-listed-2')
            $run.Output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
        }

        It 'waits once for a job named twice' {
            $jobs = 'nightly-resnet50', 'nightly-resnet50' | Wait-IRJob
            @($jobs).Count | Should -Be 1
        }

        It 'hands the finished job on to Get-IRJobStep' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-then-steps -Steps 3 -PhaseMs 200

            $run = Invoke-Captured 'Wait-IRJob dyn-then-steps -PollInterval 0.1 | Get-IRJobStep'

            $run.Output.Count | Should -Be 3
            $run.Output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
        }
    }

    Context 'a job that fails' {
        It 'writes the FAILED job, then a JobFailed error carrying its FailureReason' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-fails -Steps 2 -Outcome FAILED -PhaseMs 200

            $run = Invoke-Captured 'Wait-IRJob dyn-fails -PollInterval 0.1'

            $run.Output.Count | Should -Be 1
            $run.Output[0].Status | Should -Be 'FAILED'
            $run.Output[0].FailureReason | Should -Be 'One or more benchmarks failed. See the job''s steps for details.'
            $run.Errors.Count | Should -Be 1
            $failure = $run.Errors[0]
            $failure.FullyQualifiedErrorId | Should -Be 'JobFailed,IRSteps.Commands.WaitIRJobCommand'
            $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
            $failure.TargetObject | Should -Be 'dyn-fails'
            $failure.Exception | Should -BeOfType ([IRSteps.Errors.IRStepsJobException])
            $failure.Exception.FailureReason | Should -Be 'One or more benchmarks failed. See the job''s steps for details.'
            $failure.Exception.Message | Should -Match 'dyn-fails'
            $failure.Exception.Message | Should -Match 'One or more benchmarks failed'
            ($run.Progress | Where-Object RecordType -eq 'Completed').StatusDescription | Should -Be 'FAILED'
        }

        It 'writes the job before the error, so it reaches the pipeline even under -ErrorAction Stop' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-fails-stop -Steps 1 -Outcome FAILED -PhaseMs 100
            $script:seen = $null

            { Wait-IRJob dyn-fails-stop -PollInterval 0.1 -ErrorAction Stop | ForEach-Object { $script:seen = $_ } } |
                Should -Throw -ErrorId 'JobFailed,IRSteps.Commands.WaitIRJobCommand'
            $script:seen.Status | Should -Be 'FAILED'
        }

        It 'gives a FAILED fixture job its error at once, the other jobs still written' {
            $jobs = 'nightly-bert-base', 'legacy-no-endpoint' | Wait-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs.JobName | Should -Be @('nightly-bert-base', 'legacy-no-endpoint')
            $failures.Count | Should -Be 1
            $failures[0].Exception.FailureReason | Should -Be 'All benchmarks failed or were stopped. Check the job steps for details.'
        }

        It 'treats STOPPED as the end of the wait, without an error' {
            $job = Wait-IRJob advanced-llama-sweep -ErrorVariable failures
            $job.Status | Should -Be 'STOPPED'
            $failures | Should -BeNullOrEmpty
        }
    }

    Context 'time-out' {
        It 'gives an OperationTimeout error for a job still running at -Timeout, and writes no object for it' {
            $run = Invoke-Captured 'Wait-IRJob pending-job -Timeout 1 -PollInterval 0.3'

            $run.Output | Should -BeNullOrEmpty
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'OperationTimeout,IRSteps.Commands.WaitIRJobCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $run.Errors[0].TargetObject | Should -Be 'pending-job'
            $run.Errors[0].Exception.Status | Should -Be 'PENDING'
            $run.Errors[0].Exception.Message | Should -Match 'still PENDING \(no steps yet\).*1 s'
            $run.Seconds | Should -BeGreaterOrEqual 1
            $run.Progress[-1].RecordType | Should -Be 'Completed'
        }

        It 'times out per job: finished jobs are written, each late one gets its own error' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-quick -Steps 1 -PhaseMs 100

            $run = Invoke-Captured "'running-job', 'dyn-quick', 'pending-job' | Wait-IRJob -Timeout 1 -PollInterval 0.2"

            $run.Output.JobName | Should -Be 'dyn-quick'
            $run.Errors.TargetObject | Should -Be @('running-job', 'pending-job')
            $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'OperationTimeout,IRSteps.Commands.WaitIRJobCommand' }
            $run.Errors[0].Exception.Message | Should -Match 'IN_PROGRESS \(3 of 7 steps done\)'
        }
    }

    Context 'Ctrl+C' {
        It 'ends the wait at once, in the middle of a long poll interval' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModuleManifest'; Wait-IRJob running-job -PollInterval 120")
                $async = $ps.BeginInvoke()
                # Wait for the first look (its progress record), so that the stop lands in the pause between polls.
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                while ($ps.Streams.Progress.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                $ps.Streams.Progress.Count | Should -BeGreaterThan 0

                $clock = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Stop()

                $async.IsCompleted | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                # A 120 s pause that could not be interrupted would hold Stop() for two minutes.
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
                $ps.Streams.Error | Should -BeNullOrEmpty
            }
            finally {
                $ps.Dispose()
            }
        }
    }

    Context 'Ctrl+C during a request' {
        It 'ends the wait at once while a look at the job hangs' {
            Add-IRStepsEmulatorFault $emulator -Kind Hang -Operation DescribeInferenceRecommendationsJob
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModuleManifest'; Wait-IRJob running-job -PollInterval 1")
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                while (@(Get-ApiRequest DescribeInferenceRecommendationsJob).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) {
                    Start-Sleep -Milliseconds 50
                }
                # Still held by the emulator: no answer yet (the log leaves out a StatusCode of 0).
                $held = @(Get-ApiRequest DescribeInferenceRecommendationsJob)[0]
                $(if ($held.PSObject.Properties['StatusCode']) { $held.StatusCode } else { 0 }) | Should -Be 0

                $clock = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Stop()

                $async.IsCompleted | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
                $ps.Streams.Error | Should -BeNullOrEmpty
            }
            finally {
                $ps.Dispose()
            }
        }
    }

    Context 'errors' {
        It 'writes a non-terminating JobNotFound error for a missing job and goes on with the others' {
            $jobs = 'no-such-job', 'legacy-no-endpoint' | Wait-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs.JobName | Should -Be 'legacy-no-endpoint'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.WaitIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'no-such-job'
        }

        It 'refuses an invalid job name with no request sent' {
            $jobs = 'bad_name!', 'legacy-no-endpoint' | Wait-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs.JobName | Should -Be 'legacy-no-endpoint'
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.WaitIRJobCommand'
            (Get-ApiRequest DescribeInferenceRecommendationsJob).Input.JobName | Should -Be 'legacy-no-endpoint'
        }

        It 'rides out an outage with a warning and checks again at the next poll' {
            # Three 503s use up the SDK's three attempts for one look.
            Add-IRStepsEmulatorFault $emulator -Kind ServiceUnavailable -Operation DescribeInferenceRecommendationsJob -Times 3

            $run = Invoke-Captured 'Wait-IRJob nightly-resnet50 -PollInterval 0.1'

            $run.Output.Status | Should -Be 'COMPLETED'
            $run.Errors | Should -BeNullOrEmpty
            $run.Warnings.Count | Should -Be 1
            $run.Warnings[0].Message | Should -Match "Could not check job 'nightly-resnet50'.*trying again"
            @(Get-ApiRequest DescribeInferenceRecommendationsJob).Count | Should -Be 4
        }

        It 'goes on with the status only when the steps cannot be listed, warning once' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-no-steps -Steps 2 -PhaseMs 300
            Add-IRStepsEmulatorFault $emulator -Kind AccessDenied -Operation ListInferenceRecommendationsJobSteps -Times 3

            $run = Invoke-Captured 'Wait-IRJob dyn-no-steps -PollInterval 0.1'

            $run.Output.Status | Should -Be 'COMPLETED'
            $run.Errors | Should -BeNullOrEmpty
            $run.Warnings.Count | Should -Be 1
            $run.Warnings[0].Message | Should -Match "Could not count the steps of job 'dyn-no-steps'"
            $processing = @($run.Progress | Where-Object RecordType -eq 'Processing')
            $processing[0].StatusDescription | Should -Match '^(PENDING|IN_PROGRESS)$'
            $processing[0].PercentComplete | Should -Be -1
            $processing[-1].StatusDescription | Should -Match 'of 2 steps done'
        }

        It 'refuses a -Timeout or -PollInterval out of range before sending anything' {
            { Wait-IRJob nightly-resnet50 -Timeout 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.WaitIRJobCommand'
            { Wait-IRJob nightly-resnet50 -PollInterval 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.WaitIRJobCommand'
            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
        }
    }

    Context 'parameters' {
        It 'declares its output type' {
            (Get-Command Wait-IRJob).OutputType.Type | Should -Be ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
        }
    }
}
