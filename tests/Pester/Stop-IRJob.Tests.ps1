# Stop-IRJob against the emulator: a stopped job goes STOPPING, then STOPPED ~300 ms later (reset undoes it).

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-ApiRequest([string] $Operation) {
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation $Operation)) {
            $request | Add-Member -NotePropertyName Input -NotePropertyValue ($request.Body | ConvertFrom-Json) -PassThru
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Stop-IRJob' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    Context 'stopping' {
        It 'stops a running job and writes nothing without -PassThru' {
            $output = Stop-IRJob running-job

            $output | Should -BeNullOrEmpty
            (Get-ApiRequest StopInferenceRecommendationsJob).Input.JobName | Should -Be 'running-job'
            (Get-IRJob running-job).Status | Should -BeIn @('STOPPING', 'STOPPED')
        }

        It 'writes the job described after the request with -PassThru' {
            $job = Stop-IRJob -JobName running-job -PassThru

            $job | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
            $job.JobName | Should -Be 'running-job'
            $job.Status | Should -Be 'STOPPING'
            $requests = Get-IRStepsEmulatorRequest $emulator
            $requests.Operation | Should -Be @('StopInferenceRecommendationsJob', 'DescribeInferenceRecommendationsJob')
        }

        It 'takes names by value and jobs by property name' {
            'pending-job' | Stop-IRJob
            Get-IRJob -StatusEqual IN_PROGRESS | Stop-IRJob

            (Get-ApiRequest StopInferenceRecommendationsJob).Input.JobName | Should -Be @('pending-job', 'running-job')
        }

        It 'Stop-IRJob -PassThru | Wait-IRJob waits for the job to be STOPPED' {
            $job = Stop-IRJob running-job -PassThru | Wait-IRJob -PollInterval 0.1

            $job.Status | Should -Be 'STOPPED'
            $job.CompletionTime | Should -Not -BeNullOrEmpty
        }

        It 'leaves the steps of a stopped job STOPPED where they had not finished' {
            Stop-IRJob running-job -PassThru | Wait-IRJob -PollInterval 0.1 | Out-Null

            (Get-IRJobStep running-job).Status | Should -Be @('COMPLETED', 'COMPLETED', 'COMPLETED', 'STOPPED', 'STOPPED', 'STOPPED', 'STOPPED')
        }
    }

    Context 'ShouldProcess' {
        It 'sends nothing with -WhatIf' {
            # In a runspace of its own, so that the What if lines stay out of the test output.
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModuleManifest'; Stop-IRJob running-job -WhatIf; 'pending-job', 'running-job' | Stop-IRJob -WhatIf -PassThru")
                $output = $ps.Invoke()
                $output.Count | Should -Be 0
                $ps.Streams.Error.Count | Should -Be 0
            }
            finally {
                $ps.Dispose()
            }

            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
            (Get-IRJob running-job).Status | Should -Be 'IN_PROGRESS'
        }

        It 'says what it would do under -WhatIf' {
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript | Out-Null
            try {
                Stop-IRJob running-job -WhatIf
            }
            finally {
                Stop-Transcript | Out-Null
            }

            Get-Content -Raw $transcript | Should -Match 'What if: Performing the operation "Stop Inference Recommender job" on target "running-job"'
            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'declares SupportsShouldProcess with ConfirmImpact Medium (no prompt at the default $ConfirmPreference)' {
            $command = Get-Command Stop-IRJob
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
            $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'Medium'
        }

        It 'asks before stopping with -Confirm or once $ConfirmPreference is Medium, and sends nothing unanswered' {
            foreach ($script in "Stop-IRJob running-job -Confirm", "`$ConfirmPreference = 'Medium'; Stop-IRJob running-job") {
                # A runspace without a user interface cannot ask: the prompt fails instead of being answered.
                $ps = [powershell]::Create()
                try {
                    $null = $ps.AddScript("Import-Module '$ModuleManifest'; $script")
                    $null = $ps.Invoke()
                    $ps.Streams.Error.Count | Should -Be 1
                    $ps.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'HostFunctionNotImplemented,IRSteps.Commands.StopIRJobCommand'
                    $ps.Streams.Error[0].Exception | Should -BeOfType ([System.Management.Automation.Host.HostException])
                }
                finally {
                    $ps.Dispose()
                }
            }
            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
        }
    }

    Context 'errors' {
        It 'writes a non-terminating error for a job that has already finished, and goes on' {
            'nightly-resnet50', 'running-job' | Stop-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.StopIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -Be 'nightly-resnet50'
            $failures[0].Exception.Message | Should -Match 'cannot be stopped because it is in status COMPLETED'
            (Get-IRJob running-job).Status | Should -BeIn @('STOPPING', 'STOPPED')
        }

        It 'writes a non-terminating ObjectNotFound error for a missing job' {
            'no-such-job', 'pending-job' | Stop-IRJob -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue |
                ForEach-Object JobName | Should -Be 'pending-job'

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.StopIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'no-such-job'
        }

        It 'refuses an invalid job name with no request sent' {
            Stop-IRJob 'bad_name!' -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.StopIRJobCommand'
            $failures[0].TargetObject | Should -Be 'bad_name!'
            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'maps AccessDenied to PermissionDenied' {
            Add-IRStepsEmulatorFault $emulator -Kind AccessDenied -Operation StopInferenceRecommendationsJob
            Stop-IRJob running-job -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,IRSteps.Commands.StopIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $failures[0].Exception.Message | Should -Match 'sagemaker:StopInferenceRecommendationsJob'
        }
    }

    Context 'parameters' {
        It 'declares its output type' {
            (Get-Command Stop-IRJob).OutputType.Type | Should -Be ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
        }
    }
}
