# Faults the emulator injects, as a runbook at 3 a.m. meets them: throttling, 5xx, proxies answering HTML,
# connections dropping mid-answer, pages that never come, tokens that repeat or are refused, and many jobs
# piped in where some fail. Every count of attempts is read from the emulator's request log.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $state = @{ Emulator = $null }

    function Use-FreshEmulator {
        # The SDK keeps its retry quota (and the adaptive mode's send rate) per endpoint for the whole process;
        # a new emulator is a new URL, so each context starts with a full quota and counts stay exact.
        if ($state.Emulator) { Stop-IRStepsEmulator $state.Emulator }
        $state.Emulator = Start-IRStepsEmulator -Path $EmulatorDll
        Use-EmulatorCredential $state.Emulator
    }

    function Add-Fault {
        param([Parameter(Mandatory)] [string] $Kind, [int] $Times = 1, [string] $JobName, [int] $DelayMs = 0, [int] $RetryAfterMs = -1)
        $faultArguments = @{ Kind = $Kind; Times = $Times; DelayMs = $DelayMs; RetryAfterMs = $RetryAfterMs; Operation = 'ListInferenceRecommendationsJobSteps' }
        if ($JobName) { $faultArguments.JobName = $JobName }
        Add-IRStepsEmulatorFault $state.Emulator @faultArguments
    }

    function Get-StepRequest {
        # The ListInferenceRecommendationsJobSteps requests the emulator received, oldest first (wrap in @() to count).
        (Get-IRStepsEmulatorRequest $state.Emulator -Operation ListInferenceRecommendationsJobSteps) | ForEach-Object { $_ }
    }

    function Invoke-Captured {
        # Runs a command with all six streams merged, in the order they were written, and sorts what came out.
        param([Parameter(Mandatory)] [scriptblock] $Command)
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $all = @(& $Command *>&1)
        $stopwatch.Stop()
        [pscustomobject]@{
            All       = $all
            Steps     = @($all | Where-Object { $_ -is [IRSteps.Model.InferenceRecommendationsJobStep] })
            Errors    = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Verbose   = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Debug     = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            ElapsedMs = $stopwatch.ElapsedMilliseconds
        }
    }

    function Clear-RetryEnvironment {
        Remove-Item Env:AWS_MAX_ATTEMPTS, Env:AWS_RETRY_MODE, Env:AWS_PROFILE -ErrorAction Ignore
    }

    Use-FreshEmulator
}

AfterAll {
    Clear-RetryEnvironment
    if ($state.Emulator) { Stop-IRStepsEmulator $state.Emulator }
}

Describe 'Faults' {
    BeforeEach {
        Reset-IRStepsEmulator $state.Emulator
        Clear-RetryEnvironment
    }

    Context 'throttling and server errors are retried with the SDK''s standard mode' {
        BeforeAll { Use-FreshEmulator }

        It 'rides out a burst of <Kind> and writes every step, showing each retry with -Verbose' -ForEach @(
            @{ Kind = 'Throttle'; Code = 'ThrottlingException' }
            @{ Kind = 'ServerError'; Code = 'InternalFailure' }
            @{ Kind = 'ServiceUnavailable'; Code = 'ServiceUnavailable' }
        ) {
            Add-Fault $Kind -Times 2

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -Verbose }

            $run.Errors | Should -BeNullOrEmpty
            $run.Steps.Count | Should -Be 25
            # Page 1 took three attempts, pages 2 and 3 one each.
            @(Get-StepRequest).Count | Should -Be 5
            $retries = @($run.Verbose | Where-Object { $_ -match 'retry \d of \d' })
            $retries.Count | Should -Be 2
            $retries[0] | Should -Match "job 'paged-job-25': retry 1 of 2 after $Code .*request id [0-9a-f-]{36}.*backed off \d+ ms"
            $retries[1] | Should -Match 'retry 2 of 2'
        }

        It 'gives up after 3 attempts with a LimitsExceeded error naming the job and the request id of the last answer' {
            Add-Fault Throttle -Times 10

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -ErrorAction Continue }

            $run.Steps | Should -BeNullOrEmpty
            $requests = @(Get-StepRequest)
            $requests.Count | Should -Be 3
            $run.Errors.Count | Should -Be 1
            $error1 = $run.Errors[0]
            $error1.FullyQualifiedErrorId | Should -Be 'Throttled,IRSteps.Commands.GetIRJobStepCommand'
            $error1.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $error1.TargetObject | Should -Be 'paged-job-25'
            $error1.Exception.RequestId | Should -Be $requests[-1].RequestId
            $error1.Exception.Message | Should -Match "job 'paged-job-25'"
            $error1.Exception.Message | Should -Match ([regex]::Escape($requests[-1].RequestId))
            $error1.Exception.Message | Should -Match 'AWS_MAX_ATTEMPTS'
            $error1.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($requests[-1].RequestId))
        }

        It 'gives up after 3 attempts on 5xx with a ServiceError naming the job' {
            Add-Fault ServerError -Times 10

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 }

            @(Get-StepRequest).Count | Should -Be 3
            $run.Steps | Should -BeNullOrEmpty
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ServiceError,IRSteps.Commands.GetIRJobStepCommand'
            $run.Errors[0].Exception.Message | Should -Match "job 'paged-job-25'.*InternalFailure, HTTP 500, request id"
        }

        It 'does not retry what a retry cannot fix (access denied, unknown job)' {
            Add-Fault AccessDenied -Times 1

            $denied = Invoke-Captured { Get-IRJobStep paged-job-25 }
            $missing = Invoke-Captured { Get-IRJobStep no-such-job }

            @(Get-StepRequest).Count | Should -Be 2
            $denied.Errors[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,IRSteps.Commands.GetIRJobStepCommand'
            $missing.Errors[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,IRSteps.Commands.GetIRJobStepCommand'
        }

        It 'says in the request itself that it runs in standard mode (User-Agent metric E)' {
            Get-IRJobStep legacy-no-endpoint | Out-Null
            @(Get-StepRequest)[0].UserAgent | Should -Match ' m/([^ ]*,)?E(,| |$)'
        }
    }

    Context 'AWS_RETRY_MODE, AWS_MAX_ATTEMPTS and the profile''s retry_mode and max_attempts are honoured' {
        BeforeEach { Use-FreshEmulator }

        It 'makes AWS_MAX_ATTEMPTS=<Attempts> attempts in all' -ForEach @(@{ Attempts = 1 }, @{ Attempts = 5 }) {
            $env:AWS_MAX_ATTEMPTS = "$Attempts"
            Add-Fault ServerError -Times 10

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -Verbose -Debug }

            @(Get-StepRequest).Count | Should -Be $Attempts
            @($run.Verbose | Where-Object { $_ -match 'retry \d of' }).Count | Should -Be ($Attempts - 1)
            $run.Debug -match "at most $Attempts attempts? per request \(AWS_MAX_ATTEMPTS\)" | Should -Not -BeNullOrEmpty
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ServiceError,IRSteps.Commands.GetIRJobStepCommand'
        }

        It 'switches to adaptive mode with AWS_RETRY_MODE=adaptive (User-Agent metric F)' {
            $env:AWS_RETRY_MODE = 'adaptive'
            $env:AWS_MAX_ATTEMPTS = '2'
            Add-Fault Throttle -Times 10

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -Verbose -Debug }

            $requests = @(Get-StepRequest)
            $requests.Count | Should -Be 2
            $requests | ForEach-Object { $_.UserAgent | Should -Match ' m/([^ ]*,)?F(,| |$)' }
            $run.Debug -match '^IRSteps retries: adaptive mode \(AWS_RETRY_MODE\)' | Should -Not -BeNullOrEmpty
            $run.Errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        }

        It 'reads retry_mode and max_attempts from the profile named by <How>' -ForEach @(@{ How = '-ProfileName' }, @{ How = 'AWS_PROFILE' }) {
            # -ProfileLocation: AWSSDK.Core fixes the default profile file paths once per process, so a test
            # cannot point them elsewhere after the first call; a profile file of its own can be named.
            $profileFile = Join-Path $TestDrive 'retrying-credentials'
            Set-Content -Path $profileFile -Value ("[retrying]`naws_access_key_id = AKIDTESTRETRY`naws_secret_access_key = $(Get-IRStepsEmulatorSecret AKIDTESTRETRY)`n" +
                "retry_mode = adaptive`nmax_attempts = 4`n")
            Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY
            Add-Fault ServerError -Times 10

            if ($How -eq '-ProfileName') {
                $run = Invoke-Captured { Get-IRJobStep paged-job-25 -ProfileName retrying -ProfileLocation $profileFile -Debug -Verbose }
            }
            else {
                $env:AWS_PROFILE = 'retrying'
                $run = Invoke-Captured { Get-IRJobStep paged-job-25 -ProfileLocation $profileFile -Debug -Verbose }
            }

            $requests = @(Get-StepRequest)
            $requests.Count | Should -Be 4
            $requests.AccessKey | Select-Object -Unique | Should -Be 'AKIDTESTRETRY'
            $requests | ForEach-Object { $_.UserAgent | Should -Match ' m/([^ ]*,)?F(,| |$)' }
            $run.Debug -match "adaptive mode \(retry_mode of profile 'retrying'\), at most 4 attempts per request \(max_attempts of profile 'retrying'\)" |
                Should -Not -BeNullOrEmpty
        }

        It 'lets AWS_MAX_ATTEMPTS win over the profile''s max_attempts, as the SDK does' {
            $profileFile = Join-Path $TestDrive 'retrying-credentials'
            Set-Content -Path $profileFile -Value ("[retrying]`naws_access_key_id = AKIDTESTRETRY`naws_secret_access_key = $(Get-IRStepsEmulatorSecret AKIDTESTRETRY)`n" +
                "max_attempts = 4`n")
            $env:AWS_MAX_ATTEMPTS = '2'
            Add-Fault ServerError -Times 10

            $null = Invoke-Captured { Get-IRJobStep paged-job-25 -ProfileName retrying -ProfileLocation $profileFile }

            @(Get-StepRequest).Count | Should -Be 2
        }
    }

    Context 'broken and foreign answers: a clear error, nothing partial written, the pipeline goes on' {
        BeforeEach { Use-FreshEmulator }

        It '<Kind>: <ErrorId> [<Category>] after <Attempts> attempts, no step of that job written, the next job read' -ForEach @(
            # A reset or a short body is resent at once by the SDK up to 10 times (Core's MaxStaleConnectionRetries,
            # not counted against the retry mode's attempts), then retried twice: 13 requests.
            @{ Kind = 'ResetMidBody'; ErrorId = 'NetworkError'; Category = 'ConnectionError'; Attempts = 13; Says = 'connection .* broke' }
            @{ Kind = 'Truncated'; ErrorId = 'NetworkError'; Category = 'ConnectionError'; Attempts = 13; Says = 'connection .* broke' }
            @{ Kind = 'MalformedJson'; ErrorId = 'MalformedResponse'; Category = 'InvalidResult'; Attempts = 3; Says = 'not SageMaker JSON, so nothing from it was written' }
            @{ Kind = 'Html200'; ErrorId = 'MalformedResponse'; Category = 'InvalidResult'; Attempts = 3; Says = 'not SageMaker JSON.*proxy' }
            @{ Kind = 'Html502'; ErrorId = 'ServiceUnavailable'; Category = 'ResourceUnavailable'; Attempts = 3; Says = 'HTTP 502 and an HTML page \(a proxy or gateway\?\)' }
        ) {
            Add-Fault $Kind -Times 20 -JobName paged-job-25

            $run = Invoke-Captured { 'paged-job-25', 'legacy-no-endpoint' | Get-IRJobStep }

            @($run.Steps | Where-Object JobName -eq 'paged-job-25').Count | Should -Be 0
            @($run.Steps | Where-Object JobName -eq 'legacy-no-endpoint').Count | Should -Be 4
            @(Get-StepRequest | Where-Object JobName -eq 'paged-job-25').Count | Should -Be $Attempts
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,IRSteps.Commands.GetIRJobStepCommand"
            $run.Errors[0].CategoryInfo.Category | Should -Be $Category
            $run.Errors[0].TargetObject | Should -Be 'paged-job-25'
            $run.Errors[0].Exception.Message | Should -Match "job 'paged-job-25'"
            $run.Errors[0].Exception.Message | Should -Match $Says
        }

        It 'writes whole pages only: when page 2 of <Kind> breaks, exactly page 1''s 10 steps came out' -ForEach @(
            @{ Kind = 'ResetMidBody' }, @{ Kind = 'MalformedJson' }, @{ Kind = 'Truncated' }
        ) {
            Add-Fault Slow -Times 1 -DelayMs 0     # uses up page 1's turn in the queue: page 1 is answered normally
            Add-Fault $Kind -Times 20

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -MaxResult 10 }

            $run.Steps.Count | Should -Be 10
            $run.Steps | ForEach-Object { $_.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value } | Should -Be (0..9 | ForEach-Object { "$_" })
            $run.Errors.Count | Should -Be 1
        }

        It 'recovers when the connection breaks once: all 25 steps, each once' {
            Add-Fault ResetMidBody -Times 1

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -Verbose }

            $run.Errors | Should -BeNullOrEmpty
            $run.Steps.Count | Should -Be 25
            ($run.Steps | ForEach-Object { $_.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value } | Select-Object -Unique).Count | Should -Be 25
            $run.Verbose -match 'connection broke during the answer.*sending it again at once' | Should -Not -BeNullOrEmpty
        }
    }

    Context 'a page that never comes' {
        BeforeAll { Use-FreshEmulator }

        It 'ends a hung request at -TimeoutSec with a RequestTimeout error, and the SDK''s retries do not multiply the wait' {
            Add-Fault Hang -Times 5

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -TimeoutSec 2 }

            Write-Host "    Hang with -TimeoutSec 2 ended after $($run.ElapsedMs) ms"
            $run.ElapsedMs | Should -BeGreaterOrEqual 1900
            $run.ElapsedMs | Should -BeLessThan 3500
            @(Get-StepRequest).Count | Should -Be 1
            $run.Steps | Should -BeNullOrEmpty
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'RequestTimeout,IRSteps.Commands.GetIRJobStepCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $run.Errors[0].TargetObject | Should -Be 'paged-job-25'
            $run.Errors[0].Exception.Message | Should -Match "job 'paged-job-25' got no answer .* within 2 s \(-TimeoutSec\)"
            # The request was really abandoned, not left running: the emulator saw the client go (499).
            $deadline = [DateTime]::UtcNow.AddSeconds(2)
            while (@(Get-StepRequest)[0].StatusCode -ne 499 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            @(Get-StepRequest)[0].StatusCode | Should -Be 499
        }

        It 'waits for a slow page that arrives within -TimeoutSec' {
            Add-Fault Slow -Times 1 -DelayMs 1200

            $run = Invoke-Captured { Get-IRJobStep legacy-no-endpoint -TimeoutSec 5 }

            $run.Errors | Should -BeNullOrEmpty
            $run.Steps.Count | Should -Be 4
        }

        It 'has a default of 60 seconds, said with -Debug' {
            $run = Invoke-Captured { Get-IRJobStep legacy-no-endpoint -Verbose -Debug }
            $run.Debug -match 'each request given up after 60 s \(-TimeoutSec\)' | Should -Not -BeNullOrEmpty
        }
    }

    Context 'tokens' {
        It 'stops at a NextToken that repeats, after the pages before it, with RepeatedNextToken' {
            Add-Fault Slow -Times 1 -DelayMs 0
            Add-Fault RepeatToken -Times 1

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -MaxResult 10 }

            # Page 1 normal; page 2 answered with the token it was asked with: the reader stops there, writing
            # page 1 only, rather than reading page 2 again and again.
            $run.Steps.Count | Should -Be 10
            $run.Errors[0].Exception.Message | Should -Match 'stopped after page 2'
            @(Get-StepRequest).Count | Should -Be 2
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'RepeatedNextToken,IRSteps.Commands.GetIRJobStepCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $run.Errors[0].TargetObject | Should -Be 'paged-job-25'
        }

        It 'stops a first page whose token keeps returning itself after two requests' {
            Add-Fault RepeatToken -Times 5

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 -MaxResult 10 }

            @(Get-StepRequest).Count | Should -Be 2
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'RepeatedNextToken,IRSteps.Commands.GetIRJobStepCommand'
        }

        It 'follows an empty page that carries a token' {
            Add-Fault EmptyPageWithToken -Times 1

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 }

            $run.Errors | Should -BeNullOrEmpty
            $run.Steps.Count | Should -Be 25
        }

        It 'reports a token the service refuses as ServiceValidation, naming the job, with nothing written' {
            Add-Fault BadToken -Times 1

            $run = Invoke-Captured { Get-IRJobStep paged-job-25 }

            $run.Steps | Should -BeNullOrEmpty
            @(Get-StepRequest).Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.GetIRJobStepCommand'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $run.Errors[0].Exception.Message | Should -Match "job 'paged-job-25'.*Invalid pagination token"
        }

        It 'refuses a -NextToken of another job the same way' {
            $token = $null
            Get-IRJobStep paged-job-25 -MaxResult 5 -NoAutoIteration -NextTokenVariable token | Out-Null

            $run = Invoke-Captured { Get-IRJobStep nightly-resnet50 -NextToken $token }

            $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.GetIRJobStepCommand'
            $run.Steps | Should -BeNullOrEmpty
        }
    }

    Context 'many job names piped in, some failing' {
        BeforeAll { Use-FreshEmulator }

        It 'writes every good job''s steps and one non-terminating error per bad job, in the order of the input' {
            Add-Fault Throttle -Times 10 -JobName nightly-bert-base
            Add-Fault MalformedJson -Times 10 -JobName paged-job-25
            $names = 'legacy-no-endpoint', 'nightly-bert-base', 'no-such-job', 'advanced-llama-sweep', 'bad name!', 'paged-job-25', 'resnet50-retrain'

            $run = Invoke-Captured { $names | Get-IRJobStep -ErrorAction Continue }

            # What came out, in order, one label per run of the same kind and job.
            $sequence = [System.Collections.Generic.List[string]]::new()
            foreach ($item in $run.All) {
                $label = if ($item -is [System.Management.Automation.ErrorRecord]) { "error:$($item.TargetObject):$($item.FullyQualifiedErrorId.Split(',')[0])" } else { "steps:$($item.JobName)" }
                if ($sequence.Count -eq 0 -or $sequence[-1] -ne $label) { $sequence.Add($label) }
            }
            $sequence | Should -Be @(
                'steps:legacy-no-endpoint'
                'error:nightly-bert-base:Throttled'
                'error:no-such-job:JobNotFound'
                'steps:advanced-llama-sweep'
                'error:bad name!:InvalidJobName'
                'error:paged-job-25:MalformedResponse'
                'steps:resnet50-retrain'
            )
            @($run.Steps | Where-Object JobName -eq 'legacy-no-endpoint').Count | Should -Be 4
            @($run.Steps | Where-Object JobName -eq 'advanced-llama-sweep').Count | Should -Be 2
            @($run.Steps | Where-Object JobName -eq 'resnet50-retrain').Count | Should -Be 2
        }

        It 'lets -ErrorAction Stop end the pipeline at the first bad job: nothing of the jobs after it is written' {
            $written = [System.Collections.Generic.List[object]]::new()
            { 'legacy-no-endpoint', 'no-such-job', 'resnet50-retrain' | Get-IRJobStep -ErrorAction Stop | ForEach-Object { $written.Add($_) } } |
                Should -Throw -ErrorId 'JobNotFound,IRSteps.Commands.GetIRJobStepCommand'
            $written.Count | Should -Be 4
            $written.JobName | Select-Object -Unique | Should -Be 'legacy-no-endpoint'
        }

        It 'with -ThrottleLimit 1, does not even ask for the jobs after the bad one' {
            { 'legacy-no-endpoint', 'no-such-job', 'resnet50-retrain' | Get-IRJobStep -ThrottleLimit 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'JobNotFound,IRSteps.Commands.GetIRJobStepCommand'
            @(Get-StepRequest | Where-Object JobName -eq 'resnet50-retrain').Count | Should -Be 0
        }
    }
}
