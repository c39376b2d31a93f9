# -JobName of the four AWS cmdlets takes several names, positionally and by pipeline, and any object with a JobName
# (the module's jobs and steps, Import-Clixml and ConvertFrom-Json copies, hashtables), alone, in arrays, mixed with
# names. Against the emulator, whose request log shows what was sent and in which order.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $cmdlets = @(Get-Command -Module IRSteps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('AccessKey') -and $_.Parameters.ContainsKey('JobName') } |
            ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-RequestedJob([string] $Operation) {
        # The job names the emulator was asked about for one operation, in order of arrival.
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation $Operation)) { $request.JobName }
    }

    function ConvertTo-Line {
        # One line per output object or error, to compare what came out, and in which order, at a glance.
        process {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.FullyQualifiedErrorId -replace ',.*$') $($_.TargetObject)" }
            else { "$($_.GetType().Name) $($_.JobName)" }
        }
    }

    function ConvertTo-StepKey {
        # One line per step, enough to tell any two steps of the fixtures apart and to compare two runs.
        process { "$($_.JobName) " + ($_.InferenceBenchmark | ConvertTo-Json -Compress -Depth 10) }
    }

    function Invoke-IRCommand {
        # Calls a cmdlet of the module with the given parameters, as a user would (no prompt for ShouldProcess).
        param([Parameter(Mandatory)] [string] $Name, [hashtable] $Parameters = @{})
        if ((Get-Command $Name).Parameters.ContainsKey('Confirm')) { $Parameters.Confirm = $false }
        & $Name @Parameters
    }

    function Invoke-Captured([string] $Script) {
        # Runs a script in a runspace of its own (same AWS environment): output, errors and information apart.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; $Script")
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error) }
        }
        finally {
            $ps.Dispose()
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe '-JobName with several names, and with objects' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    Context 'Get-IRJobStep' {
        It 'reads several names given positionally, job by job in the order given' {
            $steps = @(Get-IRJobStep legacy-no-endpoint, nightly-resnet50)

            $steps.Count | Should -Be (4 + 8)
            @($steps.JobName | Select-Object -Unique) | Should -Be @('legacy-no-endpoint', 'nightly-resnet50')
            $steps[0..3].JobName | Select-Object -Unique | Should -Be 'legacy-no-endpoint'
            # Read at once, so asked in any order.
            Get-RequestedJob ListInferenceRecommendationsJobSteps | Sort-Object | Should -Be @('legacy-no-endpoint', 'nightly-resnet50')
        }

        It 'writes for names in one array what it writes for the same names piped' {
            $names = 'paged-job-25', 'nightly-resnet50', 'synthetic-3'
            $piped = @($names | Get-IRJobStep | ConvertTo-StepKey)
            $given = @(Get-IRJobStep -JobName $names | ConvertTo-StepKey)

            $piped.Count | Should -Be (25 + 8 + 3)
            $given | Should -Be $piped
        }

        It 'takes arrays piped by value, one record each, as it takes names' {
            $steps = @(, @('legacy-no-endpoint', 'synthetic-2') | Get-IRJobStep)

            @($steps.JobName | Select-Object -Unique) | Should -Be @('legacy-no-endpoint', 'synthetic-2')
        }

        It 'writes each bad item''s error in its place: a bad name, a missing job, an object without JobName' {
            $noName = [pscustomobject]@{ Name = 'nightly-resnet50'; Status = 'COMPLETED' }
            $all = @(Get-IRJobStep nightly-resnet50, 'not a name!', no-such-job, $noName, legacy-no-endpoint 2>&1)

            $lines = @($all | ConvertTo-Line | Select-Object -Unique)
            $lines | Should -Be @(
                'InferenceRecommendationsJobStep nightly-resnet50'
                'error InvalidJobName not a name!'
                'error JobNotFound no-such-job'
                'error InvalidJobName @{Name=nightly-resnet50; Status=COMPLETED}'
                'InferenceRecommendationsJobStep legacy-no-endpoint')
            $all.Count | Should -Be (8 + 3 + 4)
            $refused = $all[10]
            $refused.FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobStepCommand'
            $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $refused.TargetObject | Should -Be $noName
            $refused.Exception.Message | Should -BeLike '-JobName got a System.Management.Automation.PSCustomObject (properties Name, Status) where a job name belongs: it has no JobName property.*'
            Get-RequestedJob ListInferenceRecommendationsJobSteps | Sort-Object | Should -Be @('legacy-no-endpoint', 'nightly-resnet50', 'no-such-job')
        }

        It 'takes the jobs of Get-IRJob, listed or described, as -JobName' {
            $listed = @(Get-IRJobStep -JobName (Get-IRJob -NameContain nightly) | ConvertTo-Line)
            $described = @(Get-IRJobStep (Get-IRJob nightly-resnet50) | ConvertTo-Line)

            $listed | Select-Object -Unique | Should -Be @('InferenceRecommendationsJobStep nightly-bert-base', 'InferenceRecommendationsJobStep nightly-resnet50')
            $described.Count | Should -Be 8
            $described | Select-Object -Unique | Should -Be 'InferenceRecommendationsJobStep nightly-resnet50'
        }

        It 'takes copies from Import-Clixml and ConvertFrom-Json, in an array with names' {
            $saved = Join-Path $TestDrive 'jobs.xml'
            Get-IRJob -NameContain nightly | Export-Clixml -Path $saved
            $json = Get-IRJob legacy-no-endpoint | ConvertTo-Json -Depth 10 | ConvertFrom-Json

            $steps = @(Get-IRJobStep -JobName (Import-Clixml $saved), synthetic-2, $json)

            @($steps.JobName | Select-Object -Unique) | Should -Be @('nightly-bert-base', 'nightly-resnet50', 'synthetic-2', 'legacy-no-endpoint')
        }

        It 'counts -First and -Skip across the names of one array, as across piped names' {
            $names = 'paged-job-25', 'nightly-resnet50', 'legacy-no-endpoint'
            $piped = @($names | Get-IRJobStep -Skip 20 -First 10 | ConvertTo-StepKey)
            $given = @(Get-IRJobStep $names -Skip 20 -First 10 | ConvertTo-StepKey)

            $given.Count | Should -Be 10
            $given | Should -Be $piped
            @(Get-IRJobStep $names -First 10 -Skip 20 | Where-Object JobName -eq 'nightly-resnet50').Count | Should -Be 5
        }
    }

    Context 'Get-IRJob' {
        It 'describes several names in the order given, a bad one refused in its place' {
            $all = @(Get-IRJob legacy-no-endpoint, 'bad name!', nightly-resnet50 2>&1 | ConvertTo-Line)

            $all | Should -Be @(
                'DescribeInferenceRecommendationsJobResponse legacy-no-endpoint'
                'error InvalidJobName bad name!'
                'DescribeInferenceRecommendationsJobResponse nightly-resnet50')
            Get-RequestedJob DescribeInferenceRecommendationsJob | Should -Be @('legacy-no-endpoint', 'nightly-resnet50')
        }

        It 'describes the job of an object given to -JobName: Get-IRJob -JobName (Get-IRJob x)' {
            $job = Get-IRJob -JobName (Get-IRJob nightly-resnet50)

            $job.JobName | Should -Be 'nightly-resnet50'
            $job | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
        }

        It 'stops describing once -First is satisfied across the names' {
            $jobs = @(Get-IRJob nightly-resnet50, legacy-no-endpoint, paged-job-25 -First 2)

            $jobs.JobName | Should -Be @('nightly-resnet50', 'legacy-no-endpoint')
            Get-RequestedJob DescribeInferenceRecommendationsJob | Should -Be @('nightly-resnet50', 'legacy-no-endpoint')
        }
    }

    Context 'Stop-IRJob' {
        It 'stops several names in the order given' {
            Stop-IRJob running-job, pending-job

            Get-RequestedJob StopInferenceRecommendationsJob | Should -Be @('running-job', 'pending-job')
            (Get-IRJob running-job, pending-job).Status | ForEach-Object { $_ | Should -BeIn @('STOPPING', 'STOPPED') }
        }

        It 'asks about each job on its own: -WhatIf says each and sends nothing' {
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript | Out-Null
            try {
                Stop-IRJob running-job, pending-job -WhatIf
                Stop-IRJob -JobName (Get-IRJob -NameContain nightly) -WhatIf
            }
            finally {
                Stop-Transcript | Out-Null
            }

            $targets = @([regex]::Matches((Get-Content -Raw $transcript), 'What if: Performing the operation "Stop Inference Recommender job" on target "([^"]+)"') |
                    ForEach-Object { $_.Groups[1].Value })
            $targets | Should -Be @('running-job', 'pending-job', 'nightly-bert-base', 'nightly-resnet50')
            @(Get-IRStepsEmulatorRequest $emulator -Operation StopInferenceRecommendationsJob | ForEach-Object { $_ }).Count | Should -Be 0
        }

        It 'stops the jobs of Get-IRJob given to -JobName, and goes on after a job that cannot be stopped' {
            $stopped = @(Stop-IRJob -JobName (Get-IRJob nightly-resnet50), (Get-IRJob -StatusEqual IN_PROGRESS) -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue)

            $stopped.JobName | Should -Be 'running-job'
            $failed.Count | Should -Be 1
            $failed[0].TargetObject | Should -Be 'nightly-resnet50'
            Get-RequestedJob StopInferenceRecommendationsJob | Should -Be @('nightly-resnet50', 'running-job')
        }
    }

    Context 'Wait-IRJob' {
        It 'waits for several names together: the one that finishes first is written first' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-slow -Steps 6 -PhaseMs 300
            New-IRStepsEmulatorJob $emulator -JobName dyn-fast -Steps 1 -PhaseMs 300

            $run = Invoke-Captured 'Wait-IRJob dyn-slow, dyn-fast -PollInterval 0.1'

            $run.Errors | Should -BeNullOrEmpty
            $run.Output.JobName | Should -Be @('dyn-fast', 'dyn-slow')
            $run.Output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
            # Both were looked at in the first poll, not one after the other.
            @(Get-RequestedJob DescribeInferenceRecommendationsJob)[0..1] | Should -Be @('dyn-slow', 'dyn-fast')
        }

        It 'waits for the jobs of Get-IRJob given to -JobName, a bad name refused and the rest waited for' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-listed-1 -Steps 1 -PhaseMs 200
            New-IRStepsEmulatorJob $emulator -JobName dyn-listed-2 -Steps 2 -PhaseMs 200

            $run = Invoke-Captured "Wait-IRJob -JobName (Get-IRJob -NameContain dyn-listed), 'bad name!', legacy-no-endpoint -PollInterval 0.1"

            $run.Output.JobName | Sort-Object | Should -Be @('dyn-listed-1', 'dyn-listed-2', 'legacy-no-endpoint')
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.WaitIRJobCommand'
            $run.Errors[0].TargetObject | Should -Be 'bad name!'
        }
    }

    Context '<Name>: input that holds no job name' -ForEach $cmdlets {
        It 'refuses a hashtable without JobName with InvalidJobName naming its type and keys, and sends nothing for it' {
            $given = @{ Name = 'nightly-resnet50' }
            $errors = @(Invoke-IRCommand $Name @{ JobName = $given } 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobName,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be $given
            $errors[0].Exception.Message | Should -BeLike '-JobName got a System.Collections.Hashtable (keys Name) where a job name belongs: it has no JobName key.*objects with a JobName property*'
            @(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ }).Count | Should -Be 0
        }

        It 'takes a hashtable with a JobName key as that job' {
            $failed = @(Invoke-IRCommand $Name @{ JobName = @{ JobName = 'no-such-job' } } 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

            $failed[0].FullyQualifiedErrorId | Should -BeLike 'JobNotFound,*'
            $failed[0].TargetObject | Should -Be 'no-such-job'
        }

        It 'refuses a job name that ends with a newline, and sends nothing' {
            $failed = @(Invoke-IRCommand $Name @{ JobName = "nightly-resnet50`n" } 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobName,*'
            $failed[0].Exception.Message | Should -Match ('^' + [regex]::Escape("'nightly-resnet50``n' is not a valid Inference Recommender job name"))
            @(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ }).Count | Should -Be 0
        }

        It 'declares -JobName as string[], from the pipeline by value and by property name' {
            $parameter = (Get-Command $Name).Parameters['JobName']
            $parameter.ParameterType | Should -Be ([string[]])
            $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | ForEach-Object {
                $_.ValueFromPipeline | Should -BeTrue
                $_.ValueFromPipelineByPropertyName | Should -BeTrue
                $_.Position | Should -Be 0
            }
        }
    }
}
