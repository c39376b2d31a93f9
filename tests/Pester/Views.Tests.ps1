# What a person sees at the prompt: the table and list views of IRSteps objects.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    # The step table's headers, left to right, and the property each stands for.
    $stepColumns = @(
        @{ Header = 'JobName'; Property = 'JobName' }
        @{ Header = 'Status'; Property = 'Status' }
        @{ Header = 'InstanceType'; Property = 'InstanceType' }
        @{ Header = 'Count'; Property = 'InitialInstanceCount' }
        @{ Header = '$/Hour'; Property = 'CostPerHour' }
        @{ Header = '$/Inference'; Property = 'CostPerInference' }
        @{ Header = 'MaxInvocations'; Property = 'MaxInvocations' }
        @{ Header = 'Endpoint'; Property = 'EndpointMaxInvocations' }
        @{ Header = 'ModelLatency'; Property = 'ModelLatency' }
        @{ Header = 'Endpoint'; Property = 'EndpointModelLatency' }
    )

    function Get-Lines([string] $text) {
        $text -split "`r?`n" | Where-Object { $_.Trim() }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'The step table' {
    BeforeAll {
        $table = Get-IRJobStep nightly-resnet50 | Out-String -Width 120   # the default view, as at the prompt
        $lines = Get-Lines $table
    }

    It 'is the default view and fits 120 columns' {
        $lines.Count | Should -Be 10   # header, rule, 8 steps
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 -Because "'$line'" }
    }

    It 'has the issue''s columns in order, the existing endpoint''s metrics beside the benchmark''s' {
        $headers = -split $lines[0]
        $headers | Should -Be ($stepColumns | ForEach-Object { $_.Header })
    }

    It 'shows each value in its column, and a cost per inference that does not read 0.00' {
        $row = -split ($lines | Where-Object { $_ -match 'ml\.c5\.xlarge' })
        $row | Should -Be @('nightly-resnet50', 'COMPLETED', 'ml.c5.xlarge', '1', '0.204', '0.00000234', '1450', '1180', '38', '52')
    }

    It 'names the memory of a serverless benchmark in the InstanceType column' {
        $lines | Where-Object { $_ -match 'serverless 4GB' } | Should -Not -BeNullOrEmpty
    }

    It 'stays within 120 columns with the longest job name and instance type' {
        $step = [IRSteps.Model.InferenceRecommendationsJobStep]@{
            JobName            = 'a' * 64
            Status             = 'IN_PROGRESS'
            InferenceBenchmark = @{
                Metrics               = @{ CostPerHour = 37.6885; CostPerInference = 0.0000000123; MaxInvocations = 2147483647; ModelLatency = 2147483647 }
                EndpointMetrics       = @{ MaxInvocations = 1234567; ModelLatency = 1234567 }
                EndpointConfiguration = @{ InstanceType = 'ml.inf2.48xlarge'; InitialInstanceCount = 10 }
            }
        }
        $lines = Get-Lines ($step | Format-Table | Out-String -Width 120)

        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 }
        -split $lines[0] | Should -Be ($stepColumns | ForEach-Object { $_.Header })
        $lines[2] | Should -Match 'IN_PROGRESS +ml\.inf2\.48xlarge +10'
    }
}

Describe 'The step list' {
    It 'shows everything, FailureReason included' {
        $text = Get-IRJobStep nightly-resnet50 -Status FAILED | Format-List | Out-String -Width 120

        $text | Should -Match 'FailureReason +: Benchmark failed: endpoint sm-epc-nightly-resnet50-0007 failed'
        $text | Should -Match 'EndpointName +: sm-epc-nightly-resnet50-0007'
        $text | Should -Match 'InstanceType +: ml.r5.large'
    }

    It 'has a line for every flattened property and the nested details' {
        $text = Get-IRJobStep nightly-resnet50 -First 1 | Format-List | Out-String -Width 120
        $labels = (Get-Lines $text) | ForEach-Object { ($_ -split ':', 2)[0].Trim() }

        foreach ($label in 'JobName', 'StepType', 'Status', 'FailureReason', 'EndpointConfiguration', 'EndpointName', 'VariantName', 'InstanceType',
            'InitialInstanceCount', 'ServerlessConfig', 'CostPerHour', 'CostPerInference', 'MaxInvocations', 'EndpointMaxInvocations',
            'InvocationsVsEndpoint', 'ModelLatency', 'EndpointModelLatency', 'LatencyVsEndpoint', 'CpuUtilization', 'MemoryUtilization',
            'ModelSetupTime', 'InvocationStartTime', 'InvocationEndTime', 'InferenceSpecificationName', 'CompilationJobName', 'EnvironmentParameters') {
            $labels | Should -Contain $label
        }
        $text | Should -Match 'CostPerInference +: 0\.00000234'
        $text | Should -Match 'LatencyVsEndpoint +: 0\.73'
        $text | Should -Match 'EnvironmentParameters +: OMP_NUM_THREADS=2, TS_DEFAULT_WORKERS_PER_MODEL=1'
    }

    It 'describes a serverless endpoint' {
        $text = Get-IRJobStep nightly-resnet50 | Select-Object -Last 1 | Format-List | Out-String -Width 120
        $text | Should -Match 'ServerlessConfig +: MemorySizeInMB 4096, MaxConcurrency 5'
        $text | Should -Match 'EndpointConfiguration +: serverless 4096 MB x5'
    }
}

Describe 'The job views' {
    It 'shows the listing as a table within 120 columns, the model package when there is no model' {
        $lines = Get-Lines (Get-IRJob | Out-String -Width 120)

        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 }
        $lines[0] -split '\s{2,}|(?<=\w) (?=[A-Z])' | Where-Object { $_ } | Should -Be @('JobName', 'Status', 'JobType', 'Created (UTC)', 'Completed (UTC)', 'Model')
        $lines | Where-Object { $_ -match '^nightly-bert-base +FAILED +Default +2024-11-29 10:33 2024-11-29 11:03 bert-base/3$' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^running-job +IN_PROGRESS +Default +2024-11-30 07:00 +running-model$' } | Should -HaveCount 1
    }

    It 'lists everything of a listed job, FailureReason included, times in UTC' {
        $text = Get-IRJob -NameContain bert | Format-List | Out-String -Width 120

        $text | Should -Match 'FailureReason +: All benchmarks failed or were stopped'
        $text | Should -Match 'CreationTime +: 2024-11-29 10:33:20 UTC'
        $text | Should -Match 'ModelPackageVersionArn +: arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3'
        $text | Should -Match 'JobArn +: arn:aws:sagemaker:'
    }

    It 'shows a whole job as a table row: recommendations counted, the existing endpoints named' {
        $lines = Get-Lines (Get-IRJob nightly-resnet50 | Out-String -Width 120)

        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 }
        $lines[2] | Should -Match '^nightly-resnet50 +COMPLETED +Advanced +2024-11-28 10:33 2024-11-28 11:58 +3 resnet50-prod$'
    }

    It 'lists a whole job with its recommendations and the existing endpoint''s figures, one line each' {
        $text = Get-IRJob nightly-resnet50 | Format-List | Out-String -Width 120

        $text | Should -Match 'InferenceRecommendations +: resnet50-rec-1: ml\.c5\.xlarge x1, 1450/min, 38 ms, \$0\.204/hour, \$0\.00000234/inference'
        $text | Should -Match '(?m)^ +resnet50-rec-3: ml\.m5\.large x2, 1320/min, 45 ms'
        $text | Should -Match 'EndpointPerformances +: resnet50-prod: 1180/min, 52 ms'
        $text | Should -Match 'StoppingConditions +: MaxInvocations 3000, ModelLatency P95 100 ms, FlatInvocations Stop'
        $text | Should -Match 'EndpointConfigurations +: ml\.c5\.xlarge, ml\.c5\.2xlarge'
    }

    It 'shows a job''s recommendations and endpoint performances as tables' {
        $job = Get-IRJob nightly-resnet50
        $recommendations = Get-Lines ($job.InferenceRecommendations | Out-String -Width 120)
        $endpoints = Get-Lines ($job.EndpointPerformances | Out-String -Width 120)

        -split $recommendations[0] | Should -Be @('RecommendationId', 'EndpointConfiguration', '$/Hour', '$/Inference', 'MaxInvocations', 'ModelLatency')
        -split $recommendations[2] | Should -Be @('resnet50-rec-1', 'ml.c5.xlarge', 'x1', '0.204', '0.00000234', '1450', '38')
        -split $endpoints[2] | Should -Be @('resnet50-prod', '1180', '52')
    }
}
