# Conformance with code AWS writes (tests/Conformance, a Node project installed by build.ps1 with npm ci):
#  1. @aws-sdk/client-sagemaker against the emulator: its signatures verify, its paginators read every job,
#     and it reads the same steps as Get-IRJobStep, member by member.
#  2. The official service model (the client's own schema, with aws-sdk v2's apis/sagemaker-2017-07-24.min.json
#     for exact numeric types): every member of every input and output shape of every operation IRSteps wraps
#     is in our model classes, marshallers and unmarshallers, and every member the emulator sends is in the model.
# Done from PowerShell rather than xunit: it checks what ships (out/IRSteps, loaded as users load it, through
# the emulator on the wire), and it keeps the xunit project free of any need for Node.

BeforeDiscovery {
    $ConformanceOperations = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../Conformance/operations.psd1')).Operations
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot '../Conformance/Conformance.ps1')

    $EveryMemberJob = 'conformance-every-member'
    $AccessKey = 'AKIDTESTCONFORMANCE'
    # Members the fixtures carry on purpose to prove that unknown members are skipped (tests/Emulator/README.md).
    $DeliberatelyUnknown = @(
        'ListInferenceRecommendationsJobSteps Steps[].InferenceBenchmark.FutureMetric'
        'ListInferenceRecommendationsJobSteps Steps[].NewTopLevelMember'
    )

    # Classes not named after their shape, each a known deviation (the member names and types are still checked).
    # CategoricalParameter: the element of EnvironmentParameterRanges.CategoricalParameterRanges, named after the list.
    $ClassNameExceptions['CategoricalParameter'] = 'CategoricalParameterRange'

    $work = Join-Path $RepoRoot 'out/conformance'
    Remove-Item -Recurse -Force -ErrorAction Ignore $work
    New-Item -ItemType Directory -Path $work | Out-Null

    $Operations = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../Conformance/operations.psd1')).Operations
    Invoke-ConformanceNode official-model.mjs -ArgumentList @(
        '--operations', (($Operations | ForEach-Object Name) -join ','),
        '--base-fixtures', (Join-Path (Split-Path $EmulatorDll) 'fixtures/jobs.json'),
        '--job', $EveryMemberJob, '--out-dir', $work)
    $Model = Get-Content -Raw (Join-Path $work 'model.json') | Read-ConformanceJson
    $SampleInputs = Get-Content -Raw (Join-Path $work 'inputs.json') | Read-ConformanceJson

    $emulator = Start-IRStepsEmulator -Path $EmulatorDll -Fixtures (Join-Path $work 'jobs.json')
    Use-EmulatorCredential $emulator -AccessKey $AccessKey

    # The AWS SDK's side, in one Node process.
    $calls = @($Operations | Where-Object { $null -ne $_.Read } | ForEach-Object { @{ Operation = $_.Name; Input = $_.Read } })
    ConvertTo-Json -InputObject $calls -Depth 10 | Set-Content (Join-Path $work 'calls.json')
    Invoke-ConformanceNode read-with-aws-sdk.mjs -ArgumentList @(
        '--endpoint', $emulator.Url, '--access-key', $AccessKey, '--secret', (Get-IRStepsEmulatorSecret -AccessKey $AccessKey),
        '--extra-jobs', 'synthetic-137', '--calls', (Join-Path $work 'calls.json'), '--out', (Join-Path $work 'aws-sdk.json'))
    $AwsSdk = Get-Content -Raw (Join-Path $work 'aws-sdk.json') | Read-ConformanceJson
    $AwsSdkRequests = Get-IRStepsEmulatorRequest $emulator   # one array: the whole log

    # IRSteps' side: Get-IRJobStep for every job the AWS SDK read, dumped with the same conventions.
    Reset-IRStepsEmulator $emulator
    $moduleJobs = foreach ($job in $AwsSdk.Jobs) {
        [ordered]@{
            JobName = $job.JobName
            Steps   = @(Get-IRJobStep -JobName $job.JobName -ErrorAction Stop | ForEach-Object { ConvertTo-ConformanceDump $_ })
        }
    }
    ConvertTo-Json -InputObject @($moduleJobs) -Depth 64 | Set-Content (Join-Path $work 'irsteps-steps.json')
    $ModuleJobs = Get-Content -Raw (Join-Path $work 'irsteps-steps.json') | Read-ConformanceJson
    $ModuleRequests = Get-IRStepsEmulatorRequest $emulator

    $Client = Get-IRStepsClient -EndpointUrl $emulator.Url -AccessKey $AccessKey
}

AfterAll {
    if (Get-Variable Client -ErrorAction Ignore) { $Client.Dispose() }
    Stop-IRStepsEmulator $emulator
}

Describe 'Conformance with @aws-sdk/client-sagemaker' {
    It 'signs requests the emulator verifies, and the emulator refuses a wrong secret and a body changed after signing' {
        $AwsSdk.Signing.Valid.Ok | Should -BeTrue
        $AwsSdk.Signing.WrongSecret.Error | Should -Be 'InvalidSignatureException'
        $AwsSdk.Signing.BodyChangedAfterSigning.Error | Should -Be 'InvalidSignatureException'

        $fromJs = @($AwsSdkRequests | Where-Object UserAgent -Match 'aws-sdk-js')
        $fromJs.Count | Should -Be $AwsSdkRequests.Count -Because 'every request of the Node run came from the AWS SDK for JavaScript'
        @($fromJs | Where-Object StatusCode -EQ 200).Count | Should -Be ($AwsSdk.RawAnswers) -Because 'every answer the SDK parsed was to a verified request'
        @($fromJs | Where-Object ErrorCode -EQ 'InvalidSignatureException').Count | Should -Be 2
        $fromJs.AccessKey | Select-Object -Unique | Should -Be $AccessKey
    }

    It 'enumerates every fixture job with the ListInferenceRecommendationsJobs paginator and reads every page with paginateListInferenceRecommendationsJobSteps' {
        $fixtures = Get-Content -Raw (Join-Path (Split-Path $EmulatorDll) 'fixtures/jobs.json') | ConvertFrom-Json
        foreach ($fixture in $fixtures.Jobs) {
            $AwsSdk.Listed | Should -Contain $fixture.JobName
            $read = $AwsSdk.Jobs | Where-Object { $_.JobName -eq $fixture.JobName }
            $read.Steps.Count | Should -Be @($fixture.Steps).Count -Because "the paginator reads all of $($fixture.JobName)'s steps"
        }
        ($AwsSdk.Jobs | Where-Object { $_.JobName -eq 'paged-job-25' }).Pages | Should -Be 3
        ($AwsSdk.Jobs | Where-Object { $_.JobName -eq 'synthetic-137' }).Pages | Should -Be 14
        ($AwsSdk.Jobs | Where-Object { $_.JobName -eq 'synthetic-137' }).Steps.Count | Should -Be 137
    }

    It 'reads, for every job, the same steps as Get-IRJobStep, member by member (NaN, timestamps and absent members included)' {
        $differences = foreach ($job in $AwsSdk.Jobs) {
            $module = $ModuleJobs | Where-Object { $_.JobName -eq $job.JobName }
            if ($job.Steps.Count -ne $module.Steps.Count) {
                "job '$($job.JobName)': the AWS SDK read $($job.Steps.Count) steps, Get-IRJobStep $($module.Steps.Count)"
                continue
            }
            for ($i = 0; $i -lt $job.Steps.Count; $i++) {
                Compare-ConformanceDump $job.Steps[$i] $module.Steps[$i] -ExpectedName 'AWS SDK' -ActualName 'IRSteps' |
                    ForEach-Object { "job '$($job.JobName)' step ${i}: $_" }
            }
        }
        $shown = @($differences | Select-Object -First 25) + @(if (@($differences).Count -gt 25) { "... $(@($differences).Count - 25) more" })
        $shown -join [Environment]::NewLine | Should -BeNullOrEmpty

        # The comparison saw what matters: NaN, infinity, timestamps, the every-member job.
        $all = Get-Content -Raw (Join-Path $work 'aws-sdk.json')
        $all | Should -Match '"CpuUtilization": "NaN"'
        $all | Should -Match '"MemoryUtilization": "Infinity"'
        $all | Should -Match '"InvocationStartTime": 1732\d+\.\d+'
        ($ModuleJobs | Where-Object { $_.JobName -eq $EveryMemberJob }).Steps.Count | Should -Be 2
        @($ModuleRequests | Where-Object Operation -EQ 'ListInferenceRecommendationsJobSteps').Count |
            Should -Be (($AwsSdk.Jobs | ForEach-Object Pages | Measure-Object -Sum).Sum) -Because 'Get-IRJobStep reads the same pages the paginator reads'
    }

    It 'names the job, step index and member path of a difference' {
        $sdk = '{"InferenceBenchmark":{"Metrics":{"CpuUtilization":"NaN","ModelLatency":36},"InvocationEndTime":1732794412.579}}' | Read-ConformanceJson
        $ours = '{"InferenceBenchmark":{"Metrics":{"CpuUtilization":0,"ModelLatency":36},"FailureReason":"x"}}' | Read-ConformanceJson

        $lines = @(Compare-ConformanceDump $sdk $ours -ExpectedName 'AWS SDK' -ActualName 'IRSteps')

        $lines | Should -Contain "InferenceBenchmark.Metrics.CpuUtilization: AWS SDK 'NaN', IRSteps 0"
        $lines | Should -Contain 'InferenceBenchmark.InvocationEndTime: AWS SDK 1732794412.579, IRSteps absent'
        $lines | Should -Contain "InferenceBenchmark.FailureReason: AWS SDK absent, IRSteps 'x'"
        $lines.Count | Should -Be 3
    }
}

Describe 'Conformance with the official SageMaker service model' {
    It 'has a line in tests/Conformance/operations.psd1 for every operation the module wraps' {
        $wrapped = [IRSteps.Contract.IRecommenderClient].GetMethods() | Where-Object Name -Like '*Async' |
            ForEach-Object { $_.Name -replace 'Async$' }
        @($wrapped).Count | Should -BeGreaterThan 0
        foreach ($operation in $wrapped) { $Operations.Name | Should -Contain $operation }
        foreach ($operation in $Operations.Name) { $wrapped | Should -Contain $operation }
    }

    It '<Name>: every input member is on <Name>Request with the same name and a matching type' -ForEach $ConformanceOperations {
        $shape = $Model.Operations[$Name].Input
        $type = Get-IRStepsModelType "${Name}Request"
        $type | Should -Not -BeNullOrEmpty -Because "IRSteps.Model.${Name}Request models the input of $Name"
        (Get-ModelMismatch -Model $Model -Shape $shape -Type $type) -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It '<Name>: every output member is on <Name>Response, recursively, with the same name and a matching type' -ForEach $ConformanceOperations {
        $shape = $Model.Operations[$Name].Output
        $type = Get-IRStepsModelType "${Name}Response"
        $type | Should -Not -BeNullOrEmpty -Because "IRSteps.Model.${Name}Response models the output of $Name"
        if ($null -eq $shape) {
            # The operation returns nothing: our response carries only the request id.
            @($type.GetProperties().Name) | Should -Be @('RequestId')
            return
        }
        (Get-ModelMismatch -Model $Model -Shape $shape -Type $type) -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It '<Name>: the marshaller sends every input member, each with the value set' -ForEach $ConformanceOperations {
        $sample = $SampleInputs[$Name]
        $request = ConvertFrom-ConformanceDump -Type (Get-IRStepsModelType "${Name}Request") -Value $sample
        Clear-IRStepsEmulatorRequest $emulator
        # The sample values are not valid for the service (the emulator refuses them): only what was sent counts.
        try { $null = Invoke-IRStepsOperation -Client $Client -Operation $Name -Request $request } catch { }

        $sent = Get-IRStepsEmulatorRequest $emulator -Operation $Name
        $sent.Count | Should -BeGreaterThan 0
        $body = $sent[0].Body | Read-ConformanceJson
        (Compare-ConformanceDump $sample $body -ExpectedName 'model sample' -ActualName 'IRSteps sent') -join [Environment]::NewLine |
            Should -BeNullOrEmpty
    }

    It '<Name>: the unmarshaller reads every output member, as the AWS SDK reads it' -ForEach $ConformanceOperations {
        $shape = $Model.Operations[$Name].Output
        if ($null -eq $Read) {
            $shape | Should -BeNullOrEmpty -Because "$Name returns members: give it a Read input in operations.psd1"
            return
        }
        $sdk = ($AwsSdk.Calls | Where-Object { $_.Operation -eq $Name })
        $sdk['Error'] | Should -BeNullOrEmpty -Because 'the AWS SDK''s call succeeds'

        # The test only proves what the emulator served: every official member must be in the AWS SDK's output.
        $served = @(Get-DumpMemberPath $sdk.Output)
        $notServed = Get-OfficialMemberPath -Model $Model -Shape $shape | Where-Object { $served -notcontains $_ }
        $notServed -join ', ' | Should -BeNullOrEmpty -Because 'every official output member must reach the AWS SDK (extend the emulator or the Read input)'

        $request = ConvertFrom-ConformanceDump -Type (Get-IRStepsModelType "${Name}Request") -Value $Read
        $response = Invoke-IRStepsOperation -Client $Client -Operation $Name -Request $request
        $ours = ConvertTo-Json -InputObject (ConvertTo-ConformanceDump $response) -Depth 64 | Read-ConformanceJson
        (Compare-ConformanceDump $sdk.Output $ours -ExpectedName 'AWS SDK' -ActualName 'IRSteps') -join [Environment]::NewLine |
            Should -BeNullOrEmpty
    }

    It 'has every member the emulator sends, but for the fixtures'' deliberately unknown members' {
        @($AwsSdk.OperationsAnswered) | Should -Contain 'ListInferenceRecommendationsJobSteps'
        @($AwsSdk.OperationsAnswered) | Should -Contain 'ListInferenceRecommendationsJobs'
        @($AwsSdk.OperationsAnswered) | Should -Contain 'DescribeInferenceRecommendationsJob'
        $unknown = @($AwsSdk.Unknown | ForEach-Object { "$($_.Operation) $($_.Path)" } | Sort-Object)
        $unknown | Should -Be @($DeliberatelyUnknown | Sort-Object)
    }

    It 'fails naming a member AWS adds later' {
        $later = $Model | ConvertTo-Json -Depth 64 | Read-ConformanceJson
        $metrics = $later.Shapes['RecommendationMetrics']
        $metrics.Members = @($metrics.Members) + @{ Name = 'MemberAwsAddsLater'; Type = 'float' }
        $metrics.Members[0].Type = 'integer'   # CostPerHour, as if AWS changed its type

        $problems = @(Get-ModelMismatch -Model $later -Shape 'InferenceRecommendationsJobStep' -Type ([IRSteps.Model.InferenceRecommendationsJobStep]))

        $problems | Should -Contain 'RecommendationMetrics.MemberAwsAddsLater: missing from IRSteps.Model.RecommendationMetrics (official type float)'
        $problems | Should -Contain 'RecommendationMetrics.CostPerHour: is Double?, the official type is integer (expected Int32?)'
        $problems.Count | Should -Be 2
    }
}
