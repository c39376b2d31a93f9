# The flattened and derived properties of a step, and what a step becomes in CSV, JSON and CliXml.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    # Every flattened property and where it comes from in the API's nesting.
    $flattened = [ordered]@{
        InstanceType           = { param($b) $b.EndpointConfiguration.InstanceType }
        InitialInstanceCount   = { param($b) $b.EndpointConfiguration.InitialInstanceCount }
        CostPerHour            = { param($b) $b.Metrics.CostPerHour }
        CostPerInference       = { param($b) $b.Metrics.CostPerInference }
        MaxInvocations         = { param($b) $b.Metrics.MaxInvocations }
        ModelLatency           = { param($b) $b.Metrics.ModelLatency }
        CpuUtilization         = { param($b) $b.Metrics.CpuUtilization }
        MemoryUtilization      = { param($b) $b.Metrics.MemoryUtilization }
        ModelSetupTime         = { param($b) $b.Metrics.ModelSetupTime }
        FailureReason          = { param($b) $b.FailureReason }
        EndpointMaxInvocations = { param($b) $b.EndpointMetrics.MaxInvocations }
        EndpointModelLatency   = { param($b) $b.EndpointMetrics.ModelLatency }
    }

    function New-Step {
        # A step built the way a user's own Pester test builds one.
        param([string] $InstanceType = 'ml.c5.xlarge', [int] $MaxInvocations = 1000, [int] $ModelLatency = 50, [double] $CostPerInference = 0.000002)
        [IRSteps.Model.InferenceRecommendationsJobStep]@{
            JobName            = 'job'
            StepType           = 'BENCHMARK'
            Status             = 'COMPLETED'
            InferenceBenchmark = @{
                Metrics               = @{ MaxInvocations = $MaxInvocations; ModelLatency = $ModelLatency; CostPerInference = $CostPerInference; CostPerHour = 0.2 }
                EndpointMetrics       = @{ MaxInvocations = 800; ModelLatency = 100 }
                EndpointConfiguration = @{ EndpointName = 'ep'; VariantName = 'v'; InstanceType = $InstanceType; InitialInstanceCount = 1 }
            }
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Flattened step properties' {
    It 'runs the README line: Where-Object ModelLatency -le 100 | Sort-Object CostPerInference | Select-Object -First 3' {
        $best = Get-IRJobStep -JobName nightly-resnet50 -Status COMPLETED | Where-Object ModelLatency -le 100 | Sort-Object CostPerInference | Select-Object -First 3

        $best.InstanceType | Should -Be @('ml.inf1.xlarge', 'ml.c6i.xlarge', 'ml.c5.xlarge')
        $best.CostPerInference | Should -Be @(1.13e-06, 2.25e-06, 2.34e-06)
    }

    It 'equals the nested member it flattens, for every step of a job (absent stays $null, NaN stays NaN)' {
        $steps = Get-IRJobStep nightly-resnet50
        $steps = @($steps) + @(Get-IRJobStep legacy-no-endpoint)

        foreach ($step in $steps) {
            foreach ($name in $flattened.Keys) {
                # Strict mode (set by the emulator helpers) would refuse a member of an absent object.
                $expected = & { Set-StrictMode -Off; & $flattened[$name] $step.InferenceBenchmark }
                $actual = $step.$name
                if ($expected -is [double] -and [double]::IsNaN($expected)) {
                    [double]::IsNaN($actual) | Should -BeTrue -Because "$name of a $($step.InstanceType) step"
                }
                else {
                    $actual | Should -Be $expected -Because "$name of a $($step.InstanceType) step"
                }
            }
        }
        ($steps | Where-Object Status -eq FAILED).FailureReason | Should -Match 'health check'
    }

    It 'compares the benchmark with the existing endpoint: InvocationsVsEndpoint and LatencyVsEndpoint' {
        $step = Get-IRJobStep nightly-resnet50 -First 1

        $step.InvocationsVsEndpoint | Should -Be (1450 / 1180)
        $step.LatencyVsEndpoint | Should -Be (38 / 52)
    }

    It 'gives $null comparisons where either side is missing' {
        (Get-IRJobStep legacy-no-endpoint -First 1).InvocationsVsEndpoint | Should -BeNullOrEmpty   # no EndpointMetrics
        $failed = Get-IRJobStep nightly-resnet50 -Status FAILED
        $failed.MaxInvocations | Should -BeNullOrEmpty                                             # no Metrics
        $failed.InvocationsVsEndpoint | Should -BeNullOrEmpty
        $failed.LatencyVsEndpoint | Should -BeNullOrEmpty
        ([IRSteps.Model.InferenceRecommendationsJobStep]@{ JobName = 'x' }).LatencyVsEndpoint | Should -BeNullOrEmpty
    }

    It 'shows every flattened property in Get-Member, typed and read-only' {
        $members = Get-IRJobStep nightly-resnet50 -First 1 | Get-Member -MemberType Property

        foreach ($name in @($flattened.Keys) + 'CostPerMillionInferences', 'InvocationsVsEndpoint', 'LatencyVsEndpoint') {
            $member = $members | Where-Object Name -eq $name
            $member | Should -Not -BeNullOrEmpty -Because "$name is a property"
            $member.Definition | Should -Match '\{get;\}$' -Because "$name is read-only"
        }
        ($members | Where-Object Name -eq CostPerInference).Definition | Should -Match 'double'
        ($members | Where-Object Name -eq ModelLatency).Definition | Should -Match 'int'
    }

    It 'sorts numbers as numbers (900 < 1000 < 10000)' {
        $steps = (New-Step -MaxInvocations 10000), (New-Step -MaxInvocations 900), (New-Step -MaxInvocations 1000)
        ($steps | Sort-Object MaxInvocations).MaxInvocations | Should -Be @(900, 1000, 10000)
        ($steps | Where-Object MaxInvocations -gt 950).Count | Should -Be 2
    }

    It 'keeps [IRSteps.Model.InferenceRecommendationsJobStep]@{...} construction working, nested hashtables included' {
        $step = New-Step -InstanceType ml.g5.xlarge -ModelLatency 80

        $step.InferenceBenchmark | Should -BeOfType ([IRSteps.Model.RecommendationJobInferenceBenchmark])
        $step.InstanceType | Should -Be 'ml.g5.xlarge'
        $step.ModelLatency | Should -Be 80
        $step.LatencyVsEndpoint | Should -Be 0.8
    }

    It 'follows the nested members when they change (computed on each read)' {
        $step = New-Step -ModelLatency 80
        $step.InferenceBenchmark.Metrics.ModelLatency = 120
        $step.ModelLatency | Should -Be 120
        $step.LatencyVsEndpoint | Should -Be 1.2
    }

    It 'refuses a flattened property in the construction hashtable, naming it' {
        { [IRSteps.Model.InferenceRecommendationsJobStep]@{ JobName = 'x'; ModelLatency = 3 } } | Should -Throw '*ModelLatency*ReadOnly*'
    }

    It 'has them in a runspace that never imported the module (ForEach-Object -Parallel)' {
        $steps = Get-IRJobStep nightly-resnet50 -Status COMPLETED -First 2
        $latencies = $steps | ForEach-Object -Parallel { $_.ModelLatency } -ThrottleLimit 2
        ($latencies | Sort-Object) | Should -Be (($steps.ModelLatency) | Sort-Object)
    }
}

Describe 'A step in CSV, JSON and CliXml' {
    It 'Export-Csv writes one row per step with the flattened columns; InferenceBenchmark reads as the configuration benchmarked' {
        $csv = Join-Path $TestDrive 'steps.csv'
        Get-IRJobStep nightly-resnet50 | Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv

        $rows.Count | Should -Be 8
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($name in 'StepType', 'JobName', 'Status', 'InferenceBenchmark', 'InstanceType', 'InitialInstanceCount', 'CostPerHour', 'CostPerInference',
            'CostPerMillionInferences', 'MaxInvocations', 'ModelLatency', 'CpuUtilization', 'MemoryUtilization', 'ModelSetupTime', 'FailureReason',
            'EndpointMaxInvocations', 'EndpointModelLatency', 'InvocationsVsEndpoint', 'LatencyVsEndpoint') {
            $columns | Should -Contain $name
        }
        $rows[0].InferenceBenchmark | Should -Be 'ml.c5.xlarge x1'
        $rows[0].InstanceType | Should -Be 'ml.c5.xlarge'
        [double] $rows[0].CostPerInference | Should -Be 2.34e-06
        [double] $rows[0].CostPerMillionInferences | Should -Be 2.34
        [int] $rows[0].ModelLatency | Should -Be 38
        [int] $rows[0].EndpointModelLatency | Should -Be 52
        $rows[6].Status | Should -Be 'FAILED'
        $rows[6].FailureReason | Should -Match 'health check'
        $rows[6].ModelLatency | Should -Be ''
        $rows[7].InferenceBenchmark | Should -Be 'serverless 4096 MB x5'
    }

    It 'ConvertTo-Json -Depth 5 gives the API''s nested members as sent, with the flattened ones beside them' {
        $step = Get-IRJobStep nightly-resnet50 -First 1
        $json = $step | ConvertTo-Json -Depth 5 | ConvertFrom-Json

        $json.InferenceBenchmark.Metrics.CostPerInference | Should -Be 2.34e-06
        $json.InferenceBenchmark.EndpointMetrics.ModelLatency | Should -Be 52
        $json.InferenceBenchmark.EndpointConfiguration.InstanceType | Should -Be 'ml.c5.xlarge'
        $json.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Key | Should -Be 'OMP_NUM_THREADS'
        $json.CostPerInference | Should -Be 2.34e-06
        $json.LatencyVsEndpoint | Should -Be (38 / 52)
    }

    It 'turns saved JSON back into a typed step from its four API members' {
        $step = Get-IRJobStep nightly-resnet50 -First 1
        $saved = $step | ConvertTo-Json -Depth 5

        $back = [IRSteps.Model.InferenceRecommendationsJobStep]($saved | ConvertFrom-Json | Select-Object StepType, JobName, Status, InferenceBenchmark)

        $back.ModelLatency | Should -Be 38
        $back.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0] | Should -BeOfType ([IRSteps.Model.EnvironmentParameter])
        $back.InferenceBenchmark.InvocationStartTime.ToUniversalTime() | Should -Be $step.InferenceBenchmark.InvocationStartTime
    }

    It 'keeps the nested metrics through Export-Clixml / Import-Clixml (serialization depth 4)' {
        $file = Join-Path $TestDrive 'step.xml'
        Get-IRJobStep nightly-resnet50 -First 1 | Export-Clixml -Path $file
        $back = Import-Clixml $file

        $back.InferenceBenchmark.Metrics.ModelLatency | Should -Be 38
        $back.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Key | Should -Be 'OMP_NUM_THREADS'
        $back.CostPerInference | Should -Be 2.34e-06
    }
}

Describe 'A whole job in CliXml' {
    It 'keeps the recommendations'' metrics and the input configuration through Export-Clixml / Import-Clixml (depth 5)' {
        $file = Join-Path $TestDrive 'job.xml'
        Get-IRJob nightly-resnet50 | Export-Clixml -Path $file
        $back = Import-Clixml $file

        $back.InferenceRecommendations[0].Metrics.CostPerInference | Should -Be 2.34e-06
        $back.InferenceRecommendations[0].ModelConfiguration.EnvironmentParameters[0].Key | Should -Be 'OMP_NUM_THREADS'
        $back.InputConfig.TrafficPattern.Phases[1].InitialNumberOfUsers | Should -Be 10
        $back.EndpointPerformances[0].EndpointInfo.EndpointName | Should -Be 'resnet50-prod'
    }
}
