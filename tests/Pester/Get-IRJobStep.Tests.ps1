# Get-IRJobStep against the emulator: what a user sees.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-StepRequest {
        # The ListInferenceRecommendationsJobSteps requests the emulator saw, with their bodies parsed.
        # Get-IRStepsEmulatorRequest returns the log as one array: enumerate it.
        foreach ($request in (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps)) {
            $request | Add-Member -NotePropertyName Input -NotePropertyValue ($request.Body | ConvertFrom-Json) -PassThru
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Get-IRJobStep' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
}

Context 'the mission line' {
    It 'lists a job''s COMPLETED steps as typed objects with Where Status -eq COMPLETED' {
        $steps = Get-IRJobStep -JobName nightly-resnet50 | Where-Object Status -eq COMPLETED

        $steps.Count | Should -Be 7
        $steps | ForEach-Object { $_ | Should -BeOfType ([IRSteps.Model.InferenceRecommendationsJobStep]) }
        $steps.JobName | Select-Object -Unique | Should -Be 'nightly-resnet50'
        $steps.StepType | Select-Object -Unique | Should -Be 'BENCHMARK'
    }

    It 'nests typed benchmark objects with the API''s member names' {
        $step = Get-IRJobStep nightly-resnet50 -First 1

        $step.InferenceBenchmark | Should -BeOfType ([IRSteps.Model.RecommendationJobInferenceBenchmark])
        $step.InferenceBenchmark.Metrics | Should -BeOfType ([IRSteps.Model.RecommendationMetrics])
        $step.InferenceBenchmark.EndpointMetrics | Should -BeOfType ([IRSteps.Model.InferenceMetrics])
        $step.InferenceBenchmark.EndpointConfiguration | Should -BeOfType ([IRSteps.Model.EndpointOutputConfiguration])
        $step.InferenceBenchmark.ModelConfiguration | Should -BeOfType ([IRSteps.Model.ModelConfiguration])
        $step.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0] | Should -BeOfType ([IRSteps.Model.EnvironmentParameter])
        $step.InferenceBenchmark.Metrics.CostPerHour | Should -BeOfType ([double])
        $step.InferenceBenchmark.Metrics.MaxInvocations | Should -BeOfType ([int])
        $step.InferenceBenchmark.InvocationStartTime | Should -BeOfType ([datetime])
        $step.InferenceBenchmark.InvocationStartTime.Kind | Should -Be 'Utc'
    }

    It 'surfaces the existing endpoint''s metrics beside the benchmark''s' {
        $step = Get-IRJobStep nightly-resnet50 -First 1

        $step.InferenceBenchmark.EndpointMetrics.MaxInvocations | Should -BeGreaterThan 0
        $step.InferenceBenchmark.EndpointMetrics.ModelLatency | Should -BeGreaterThan 0
    }

    It 'keeps NaN and infinite utilisation, FAILED reasons and unknown members without breaking' {
        $steps = Get-IRJobStep nightly-resnet50

        $nan = $steps | Where-Object { $_.InferenceBenchmark.Metrics -and [double]::IsNaN([double]$_.InferenceBenchmark.Metrics.CpuUtilization) }
        @($nan).Count | Should -Be 1
        [double]::IsPositiveInfinity($nan.InferenceBenchmark.Metrics.MemoryUtilization) | Should -BeTrue

        $failed = $steps | Where-Object Status -eq FAILED
        $failed.InferenceBenchmark.FailureReason | Should -Not -BeNullOrEmpty
        $failed.InferenceBenchmark.Metrics | Should -BeNullOrEmpty

        ($steps | Where-Object { $_.InferenceBenchmark.EndpointConfiguration.ServerlessConfig }).InferenceBenchmark.EndpointConfiguration.ServerlessConfig.MemorySizeInMB |
            Should -BeGreaterThan 0
    }

    It 'leaves absent members $null, never 0' {
        $step = Get-IRJobStep legacy-no-endpoint -First 1

        $step.InferenceBenchmark.EndpointMetrics | Should -BeNullOrEmpty
        $step.InferenceBenchmark.Metrics.CpuUtilization | Should -BeNullOrEmpty
        $step.InferenceBenchmark.Metrics.ModelSetupTime | Should -BeNullOrEmpty
        $step.InferenceBenchmark.InvocationStartTime | Should -BeNullOrEmpty
    }
}

Context 'pipeline input' {
    It 'takes job names by value' {
        $steps = 'legacy-no-endpoint', 'nightly-bert-base' | Get-IRJobStep

        $steps.Count | Should -Be 7
        ($steps.JobName | Select-Object -Unique) | Should -Be @('legacy-no-endpoint', 'nightly-bert-base')
    }

    It 'takes job names by property name' {
        $steps = [pscustomobject]@{ JobName = 'nightly-bert-base' }, [pscustomobject]@{ JobName = 'legacy-no-endpoint' } | Get-IRJobStep

        ($steps.JobName | Select-Object -Unique) | Should -Be @('nightly-bert-base', 'legacy-no-endpoint')
    }

    It 'takes a step''s own JobName back (a step piped in lists its job)' {
        $steps = Get-IRJobStep legacy-no-endpoint -First 1 | Get-IRJobStep
        $steps.Count | Should -Be 4
    }
}

Context 'filters and paging' {
    It 'sends -Status and -StepType to the service as its filters' {
        $steps = Get-IRJobStep paged-job-25 -Status FAILED -StepType BENCHMARK

        $steps.Count | Should -Be 5
        $steps.Status | Select-Object -Unique | Should -Be 'FAILED'
        $request = Get-StepRequest | Select-Object -First 1
        $request.Input.Status | Should -Be 'FAILED'
        $request.Input.StepType | Should -Be 'BENCHMARK'
    }

    It 'follows every NextToken (25 steps at the default page size of 10 is 3 requests)' {
        $steps = Get-IRJobStep paged-job-25

        $steps.Count | Should -Be 25
        $steps | ForEach-Object { $_.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value } | Should -Be (0..24 | ForEach-Object { "$_" })
        (Get-StepRequest).Count | Should -Be 3
    }

    It 'sends -MaxResult (alias -MaxResults) as the page size' {
        Get-IRJobStep paged-job-25 -MaxResults 7 | Should -HaveCount 25
        $requests = Get-StepRequest
        $requests.Count | Should -Be 4
        $requests.Input.MaxResults | Select-Object -Unique | Should -Be 7
    }

    It 'refuses a page size outside 1 to 100 before sending anything' {
        { Get-IRJobStep paged-job-25 -MaxResult 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.GetIRJobStepCommand'
        { Get-IRJobStep paged-job-25 -MaxResult 0 } | Should -Throw
        Get-StepRequest | Should -BeNullOrEmpty
    }

    It 'stops requesting pages once -First is satisfied' {
        $steps = Get-IRJobStep paged-job-25 -MaxResult 5 -First 7

        $steps.Count | Should -Be 7
        (Get-StepRequest).Count | Should -Be 2
    }

    It 'skips with -Skip across pages' {
        $steps = Get-IRJobStep paged-job-25 -MaxResult 10 -Skip 12 -First 3
        $steps | ForEach-Object { $_.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value } | Should -Be @('12', '13', '14')
    }

    It 'reads one page with -NoAutoIteration and leaves the next token in $IRStepsNextToken' {
        $first = Get-IRJobStep paged-job-25 -MaxResult 10 -NoAutoIteration

        $first.Count | Should -Be 10
        $IRStepsNextToken | Should -Not -BeNullOrEmpty
        (Get-StepRequest).Count | Should -Be 1
    }

    It 'resumes from a token, page by page, until the token is $null' {
        $all = @()
        $token = $null
        $pages = 0
        do {
            $all += Get-IRJobStep paged-job-25 -MaxResult 10 -NextToken $token -NoAutoIteration -NextTokenVariable nextPage
            $token = $nextPage
            $pages++
        } while ($token)

        $pages | Should -Be 3
        $all.Count | Should -Be 25
    }

    It 'reads to the end from a -NextToken without -NoAutoIteration' {
        $null = Get-IRJobStep paged-job-25 -MaxResult 10 -NoAutoIteration
        $rest = Get-IRJobStep paged-job-25 -MaxResult 10 -NextToken $IRStepsNextToken
        $rest.Count | Should -Be 15
    }

    It 'writes each page as it arrives, before asking for the next' {
        $firstSeenAfter = $null
        Get-IRJobStep paged-job-25 -MaxResult 10 | Select-Object -First 1 | ForEach-Object {
            $firstSeenAfter = (Get-StepRequest).Count
        }
        $firstSeenAfter | Should -Be 1
    }
}

Context 'errors' {
    It 'writes a non-terminating ObjectNotFound error naming a missing job and goes on with the next name' {
        $steps = 'no-such-job', 'legacy-no-endpoint' | Get-IRJobStep -ErrorVariable failures -ErrorAction SilentlyContinue

        $steps.Count | Should -Be 4
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.GetIRJobStepCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'no-such-job'
        $failures[0].Exception.Message | Should -Match 'no-such-job'
    }

    It 'refuses an invalid job name with no request sent, and goes on' {
        $steps = 'bad_name!', ('x' * 65), 'legacy-no-endpoint' | Get-IRJobStep -ErrorVariable failures -ErrorAction SilentlyContinue

        $steps.Count | Should -Be 4
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobStepCommand' }
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be 'bad_name!'
        (Get-StepRequest).Input.JobName | Should -Be @('legacy-no-endpoint')
    }

    It 'maps a refused filter to InvalidArgument (ServiceValidation)' {
        Get-IRJobStep legacy-no-endpoint -Status NOT_A_STATUS -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.GetIRJobStepCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'maps AccessDenied to PermissionDenied' {
        Add-IRStepsEmulatorFault $emulator -Kind AccessDenied -Operation ListInferenceRecommendationsJobSteps
        Get-IRJobStep legacy-no-endpoint -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,IRSteps.Commands.GetIRJobStepCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'maps a wrong secret to AuthenticationError without showing the secret' {
        $secret = 'wrong/secret+value'
        Get-IRJobStep legacy-no-endpoint -AccessKey AKIDTESTWRONG -SecretKey $secret -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,IRSteps.Commands.GetIRJobStepCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($failures[0] | Out-String) + $failures[0].Exception.ToString() | Should -Not -Match ([regex]::Escape($secret))
    }
}

Context 'parameters' {
    It 'signs with -AccessKey/-SecretKey/-Region/-EndpointUrl over the environment' {
        Get-IRJobStep legacy-no-endpoint -AccessKey AKIDTESTPARAM -SecretKey (Get-IRStepsEmulatorSecret AKIDTESTPARAM) -Region eu-west-1 -EndpointUrl $emulator.Url |
            Should -HaveCount 4
        $request = Get-StepRequest | Select-Object -Last 1
        $request.AccessKey | Should -Be 'AKIDTESTPARAM'
        $request.Region | Should -Be 'eu-west-1'
    }

    It 'sends -SessionToken with the keys' {
        Get-IRJobStep legacy-no-endpoint -AccessKey AKIDTESTSESSION -SecretKey (Get-IRStepsEmulatorSecret AKIDTESTSESSION) -SessionToken 'token-123' |
            Should -HaveCount 4
        (Get-StepRequest | Select-Object -Last 1).SessionToken | Should -Be 'token-123'
    }

    It 'reads a profile from -ProfileName in -ProfileLocation' {
        $file = Join-Path $TestDrive 'credentials'
        @(
            '[ops]'
            'aws_access_key_id = AKIDTESTPROFILE'
            "aws_secret_access_key = $(Get-IRStepsEmulatorSecret AKIDTESTPROFILE)"
        ) | Set-Content -Path $file
        Get-IRJobStep legacy-no-endpoint -ProfileName ops -ProfileLocation $file | Should -HaveCount 4
        (Get-StepRequest | Select-Object -Last 1).AccessKey | Should -Be 'AKIDTESTPROFILE'
    }

    It 'declares its output type for tooling' {
        (Get-Command Get-IRJobStep).OutputType.Type | Should -Be ([IRSteps.Model.InferenceRecommendationsJobStep])
    }

    It 'lets users build step objects for their own tests' {
        $step = [IRSteps.Model.InferenceRecommendationsJobStep]@{
            JobName            = 'fake'
            Status             = 'COMPLETED'
            InferenceBenchmark = [IRSteps.Model.RecommendationJobInferenceBenchmark]@{
                Metrics         = [IRSteps.Model.RecommendationMetrics]@{ CostPerHour = 1.5; ModelLatency = 20 }
                EndpointMetrics = [IRSteps.Model.InferenceMetrics]@{ ModelLatency = 40 }
            }
        }
        $step.InferenceBenchmark.Metrics.CostPerHour | Should -Be 1.5
        $step.InferenceBenchmark.EndpointMetrics.ModelLatency | Should -Be 40
    }
}
}
