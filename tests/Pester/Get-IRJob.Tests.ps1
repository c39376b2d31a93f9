# Get-IRJob against the emulator: listing with the service's filters, describing, and the pipelines a runbook uses.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-ApiRequest([string] $Operation) {
        # The requests the emulator saw for one operation, with their bodies parsed.
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation $Operation)) {
            $request | Add-Member -NotePropertyName Input -NotePropertyValue ($request.Body | ConvertFrom-Json) -PassThru
        }
    }

    function Utc([string] $Text) { [datetime]::SpecifyKind([datetime]::Parse($Text, [cultureinfo]::InvariantCulture), 'Utc') }
    function Local([string] $Text) { [datetime]::SpecifyKind([datetime]::Parse($Text, [cultureinfo]::InvariantCulture), 'Local') }

    # The listable fixture jobs, newest first (the service's default order: CreationTime, Descending).
    $newestFirst = @('pending-job', 'running-job', 'nightly-bert-base', 'nightly-resnet50', 'paged-job-25',
        'advanced-llama-sweep', 'resnet50-retrain', 'weekly-xgboost', 'legacy-no-endpoint',
        'llama-2-70b-chat-sweep-inf2-g5-p4d-trn1n-vs-production-12-01')
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Get-IRJob' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    Context 'listing' {
        It 'lists every job as a typed object, newest first, in one request' {
            $jobs = Get-IRJob

            $jobs | ForEach-Object { $_ | Should -BeOfType ([IRSteps.Model.InferenceRecommendationsJob]) }
            $jobs.JobName | Should -Be $newestFirst
            @(Get-ApiRequest ListInferenceRecommendationsJobs).Count | Should -Be 1
        }

        It 'carries the summary members with UTC times and absent members $null' {
            $jobs = Get-IRJob
            $resnet = $jobs | Where-Object JobName -eq 'nightly-resnet50'
            $bert = $jobs | Where-Object JobName -eq 'nightly-bert-base'
            $running = $jobs | Where-Object JobName -eq 'running-job'

            $resnet.Status | Should -Be 'COMPLETED'
            $resnet.JobType | Should -Be 'Advanced'
            $resnet.ModelName | Should -Be 'resnet50-model'
            $resnet.JobArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:inference-recommendations-job/nightly-resnet50'
            $resnet.SamplePayloadUrl | Should -Be 's3://irsteps-fixtures/payloads/resnet50.tar.gz'
            $resnet.CreationTime | Should -Be (Utc '2024-11-28T10:33:20.123')
            $resnet.CreationTime.Kind | Should -Be 'Utc'
            $resnet.FailureReason | Should -BeNullOrEmpty
            $bert.FailureReason | Should -Match 'All benchmarks failed'
            $bert.ModelPackageVersionArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3'
            $running.CompletionTime | Should -BeNullOrEmpty
        }

        It 'sends each filter under the API''s name and writes what the service returns' {
            $jobs = Get-IRJob -StatusEqual COMPLETED -NameContain resnet -ModelNameEqual resnet50-model -SortBy Name -SortOrder Ascending

            $jobs.JobName | Should -Be @('nightly-resnet50', 'resnet50-retrain')
            $sent = (Get-ApiRequest ListInferenceRecommendationsJobs)[0].Input
            $sent.StatusEquals | Should -Be 'COMPLETED'
            $sent.NameContains | Should -Be 'resnet'
            $sent.ModelNameEquals | Should -Be 'resnet50-model'
            $sent.SortBy | Should -Be 'Name'
            $sent.SortOrder | Should -Be 'Ascending'
        }

        It 'accepts the API''s names as aliases' {
            $jobs = Get-IRJob -StatusEquals FAILED -NameContains bert -ModelPackageVersionArnEquals 'arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3' -MaxResults 5

            $jobs.JobName | Should -Be 'nightly-bert-base'
            $sent = (Get-ApiRequest ListInferenceRecommendationsJobs)[0].Input
            $sent.ModelPackageVersionArnEquals | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3'
            $sent.MaxResults | Should -Be 5
        }

        It 'sends the time filters as epoch seconds and filters on them' {
            $after = (Utc '2024-11-01T00:00:00')
            $before = (Utc '2024-11-29T00:00:00')
            $jobs = Get-IRJob -CreationTimeAfter $after -CreationTimeBefore $before -LastModifiedTimeAfter $after -LastModifiedTimeBefore (Utc '2030-01-01T00:00:00')

            $jobs.JobName | Should -Be @('nightly-resnet50', 'paged-job-25', 'advanced-llama-sweep', 'resnet50-retrain')
            $sent = (Get-ApiRequest ListInferenceRecommendationsJobs)[0].Input
            $sent.CreationTimeAfter | Should -Be 1730419200
            $sent.CreationTimeBefore | Should -Be 1732838400
            $sent.LastModifiedTimeAfter | Should -Be 1730419200
            $sent.LastModifiedTimeBefore | Should -Be 1893456000
        }

        It 'converts a local time to UTC before sending it' {
            # Switch this process to UTC+05:30 so local and UTC differ.
            $savedTz = $env:TZ
            try {
                $env:TZ = 'Asia/Kolkata'
                [TimeZoneInfo]::ClearCachedData()
                $local = (Local '2024-11-28T16:03:20')      # 10:33:20 UTC
                $unspecified = [datetime]'2024-11-28 16:03:20'                    # read as local, like the AWS cmdlets
                Get-IRJob -CreationTimeAfter $local -CreationTimeBefore $unspecified | Out-Null
            }
            finally {
                if ($null -eq $savedTz) { Remove-Item Env:TZ -ErrorAction Ignore } else { $env:TZ = $savedTz }
                [TimeZoneInfo]::ClearCachedData()
            }

            $sent = (Get-ApiRequest ListInferenceRecommendationsJobs)[0].Input
            $sent.CreationTimeAfter | Should -Be 1732790000
            $sent.CreationTimeBefore | Should -Be 1732790000
        }

        It 'follows every NextToken (10 jobs at -MaxResult 2 is 5 requests), in order' {
            $jobs = Get-IRJob -MaxResult 2

            $jobs.JobName | Should -Be $newestFirst
            $requests = @(Get-ApiRequest ListInferenceRecommendationsJobs)
            $requests.Count | Should -Be 5
            $requests.Input.MaxResults | Select-Object -Unique | Should -Be 2
        }

        It 'stops requesting pages once -First is satisfied, and skips with -Skip' {
            $jobs = Get-IRJob -MaxResult 2 -Skip 1 -First 3

            $jobs.JobName | Should -Be $newestFirst[1..3]
            @(Get-ApiRequest ListInferenceRecommendationsJobs).Count | Should -Be 2
        }

        It 'lists dynamic jobs as they move through their statuses' {
            New-IRStepsEmulatorJob $emulator -JobName dyn-listed -Steps 1 -PhaseMs 60000

            (Get-IRJob -NameContain dyn-listed).Status | Should -Be 'PENDING'
        }
    }

    Context 'describing' {
        It 'describes a job by name (position 0) with the whole answer typed' {
            $job = Get-IRJob nightly-resnet50

            $job | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse])
            $job.JobName | Should -Be 'nightly-resnet50'
            $job.Status | Should -Be 'COMPLETED'
            $job.CompletionTime | Should -Be (Utc '2024-11-28T11:58:43.456')
            $job.RequestId | Should -Not -BeNullOrEmpty

            $job.InputConfig | Should -BeOfType ([IRSteps.Model.RecommendationJobInputConfig])
            $job.InputConfig.ModelName | Should -Be 'resnet50-model'
            $job.InputConfig.JobDurationInSeconds | Should -Be 7200
            $job.InputConfig.TrafficPattern.TrafficType | Should -Be 'PHASES'
            $job.InputConfig.TrafficPattern.Phases[1] | Should -BeOfType ([IRSteps.Model.Phase])
            $job.InputConfig.TrafficPattern.Phases.SpawnRate | Should -Be @(1, 2)
            $job.InputConfig.ResourceLimit.MaxParallelOfTests | Should -Be 2
            $job.InputConfig.EndpointConfigurations.Count | Should -Be 8
            $job.InputConfig.EndpointConfigurations[7].ServerlessConfig.MemorySizeInMB | Should -Be 4096
            $job.InputConfig.ContainerConfig.Framework | Should -Be 'PYTORCH'
            $job.InputConfig.ContainerConfig.PayloadConfig.SupportedContentTypes | Should -Be 'application/x-image'
            $job.InputConfig.Endpoints.EndpointName | Should -Be 'resnet50-prod'

            $job.StoppingConditions.MaxInvocations | Should -Be 3000
            $job.StoppingConditions.ModelLatencyThresholds[0].Percentile | Should -Be 'P95'
            $job.StoppingConditions.ModelLatencyThresholds[0].ValueInMilliseconds | Should -Be 100
            $job.StoppingConditions.FlatInvocations | Should -Be 'Stop'
        }

        It 'gives the recommendations and the existing endpoint''s performance beside them' {
            $job = Get-IRJob -JobName nightly-resnet50

            $job.InferenceRecommendations.RecommendationId | Should -Be @('resnet50-rec-1', 'resnet50-rec-2', 'resnet50-rec-3')
            $first = $job.InferenceRecommendations[0]
            $first | Should -BeOfType ([IRSteps.Model.InferenceRecommendation])
            $first.Metrics | Should -BeOfType ([IRSteps.Model.RecommendationMetrics])
            $first.Metrics.CostPerHour | Should -Be 0.204
            $first.Metrics.ModelLatency | Should -Be 38
            $first.EndpointConfiguration.InstanceType | Should -Be 'ml.c5.xlarge'
            $first.ModelConfiguration.EnvironmentParameters[0].Key | Should -Be 'OMP_NUM_THREADS'
            $first.InvocationStartTime | Should -Be (Utc '2024-11-28T10:38:20.123')
            $first.InvocationEndTime.Kind | Should -Be 'Utc'

            $performance = $job.EndpointPerformances | Select-Object -First 1
            $performance | Should -BeOfType ([IRSteps.Model.EndpointPerformance])
            $performance.Metrics | Should -BeOfType ([IRSteps.Model.InferenceMetrics])
            $performance.Metrics.MaxInvocations | Should -Be 1180
            $performance.Metrics.ModelLatency | Should -Be 52
            $performance.EndpointInfo.EndpointName | Should -Be 'resnet50-prod'
        }

        It 'keeps a FAILED job''s FailureReason and leaves what the service did not send $null' {
            $job = Get-IRJob nightly-bert-base

            $job.Status | Should -Be 'FAILED'
            $job.FailureReason | Should -Be 'All benchmarks failed or were stopped. Check the job steps for details.'
            $job.InputConfig.ModelPackageVersionArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3'
            $job.InputConfig.TrafficPattern | Should -BeNullOrEmpty
            $job.StoppingConditions | Should -BeNullOrEmpty
            $job.InferenceRecommendations | Should -BeNullOrEmpty
            $job.EndpointPerformances | Should -BeNullOrEmpty
        }

        It 'describes names piped by value, in order' {
            $jobs = 'legacy-no-endpoint', 'nightly-bert-base' | Get-IRJob

            $jobs.JobName | Should -Be @('legacy-no-endpoint', 'nightly-bert-base')
            $jobs | ForEach-Object { $_ | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse]) }
        }
    }

    Context 'pipelines' {
        It 'Get-IRJob -NameContain nightly | Get-IRJob gives the details of each job listed' {
            $details = Get-IRJob -NameContain nightly | Get-IRJob

            $details.JobName | Should -Be @('nightly-bert-base', 'nightly-resnet50')
            $details | ForEach-Object { $_ | Should -BeOfType ([IRSteps.Model.DescribeInferenceRecommendationsJobResponse]) }
            (Get-ApiRequest DescribeInferenceRecommendationsJob).Input.JobName | Should -Be @('nightly-bert-base', 'nightly-resnet50')
        }

        It 'Get-IRJob -StatusEqual COMPLETED | Get-IRJobStep reads every step of every completed job' {
            $steps = Get-IRJob -StatusEqual COMPLETED | Get-IRJobStep

            # 8 + 25 + 2 + 3 + 4 steps, the FAILED steps of COMPLETED jobs included.
            $steps.Count | Should -Be 42
            ($steps.JobName | Select-Object -Unique) | Should -Be @('nightly-resnet50', 'paged-job-25', 'resnet50-retrain', 'weekly-xgboost', 'legacy-no-endpoint')
            @($steps | Where-Object Status -eq FAILED).Count | Should -Be 6
        }

        It 'a job''s own Status does not filter the steps of a job piped into Get-IRJobStep' {
            $steps = Get-IRJob -StatusEqual FAILED | Get-IRJobStep

            $steps.Status | Sort-Object | Should -Be @('FAILED', 'FAILED', 'STOPPED')
            (Get-ApiRequest ListInferenceRecommendationsJobSteps).Input | ForEach-Object { $_.PSObject.Properties.Name | Should -Not -Contain 'Status' }
        }

        It 'a described job pipes into Get-IRJobStep too' {
            (Get-IRJob legacy-no-endpoint | Get-IRJobStep).Count | Should -Be 4
        }
    }

    Context 'errors' {
        It 'writes a non-terminating ObjectNotFound error naming a missing job and goes on' {
            $jobs = 'no-such-job', 'legacy-no-endpoint' | Get-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs.JobName | Should -Be 'legacy-no-endpoint'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.GetIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'no-such-job'
            $failures[0].Exception.Message | Should -Match 'no-such-job'
        }

        It 'refuses an invalid job name with no request sent, and goes on' {
            $jobs = 'bad_name!', 'legacy-no-endpoint' | Get-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs.JobName | Should -Be 'legacy-no-endpoint'
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobCommand'
            $failures[0].TargetObject | Should -Be 'bad_name!'
            (Get-ApiRequest DescribeInferenceRecommendationsJob).Input.JobName | Should -Be 'legacy-no-endpoint'
        }

        It 'passes an unknown status through to the service, which refuses it (ServiceValidation)' {
            $jobs = Get-IRJob -StatusEqual NOT_A_STATUS -ErrorVariable failures -ErrorAction SilentlyContinue

            $jobs | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.GetIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].Exception.Message | Should -Match 'NOT_A_STATUS'
            (Get-ApiRequest ListInferenceRecommendationsJobs)[0].Input.StatusEquals | Should -Be 'NOT_A_STATUS'
        }

        It 'maps AccessDenied on the listing to PermissionDenied' {
            Add-IRStepsEmulatorFault $emulator -Kind AccessDenied -Operation ListInferenceRecommendationsJobs
            Get-IRJob -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,IRSteps.Commands.GetIRJobCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        }

        It 'refuses a page size outside 1 to 100 before sending anything' {
            { Get-IRJob -MaxResult 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.GetIRJobCommand'
            { Get-IRJob -MaxResult 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.GetIRJobCommand'
            (Get-IRStepsEmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'does not mix the describe and list parameters' {
            { Get-IRJob -JobName nightly-resnet50 -StatusEqual COMPLETED } | Should -Throw -ErrorId 'AmbiguousParameterSet,IRSteps.Commands.GetIRJobCommand'
        }
    }

    Context 'parameters' {
        It 'declares an output type per parameter set' {
            $command = Get-Command Get-IRJob
            ($command.OutputType | Where-Object { $_.Type -eq [IRSteps.Model.InferenceRecommendationsJob] }) | Should -Not -BeNullOrEmpty
            ($command.OutputType | Where-Object { $_.Type -eq [IRSteps.Model.DescribeInferenceRecommendationsJobResponse] }) | Should -Not -BeNullOrEmpty
            $command.DefaultParameterSet | Should -Be 'List'
        }

        It 'keeps the enum-like filters open strings (no ValidateSet)' {
            $parameters = (Get-Command Get-IRJob).Parameters
            foreach ($name in 'StatusEqual', 'SortBy', 'SortOrder') {
                $parameters[$name].ParameterType | Should -Be ([string])
                $parameters[$name].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Should -BeNullOrEmpty
            }
        }

        It 'takes its time filters as [DateTime]' {
            $parameters = (Get-Command Get-IRJob).Parameters
            foreach ($name in 'CreationTimeAfter', 'CreationTimeBefore', 'LastModifiedTimeAfter', 'LastModifiedTimeBefore') {
                $parameters[$name].ParameterType | Should -Be ([Nullable[datetime]])
            }
        }

        It 'lets users build job objects for their own tests' {
            $job = [IRSteps.Model.DescribeInferenceRecommendationsJobResponse]@{
                JobName                  = 'fake'
                Status                   = 'COMPLETED'
                InferenceRecommendations = [System.Collections.Generic.List[IRSteps.Model.InferenceRecommendation]]@(
                    [IRSteps.Model.InferenceRecommendation]@{ Metrics = [IRSteps.Model.RecommendationMetrics]@{ CostPerHour = 1.5 } })
            }
            $job.InferenceRecommendations[0].Metrics.CostPerHour | Should -Be 1.5
        }
    }
}
