# Tab completion: known values for enum-like parameters, live job names for -JobName.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-Completion([string] $line) {
        # What Tab offers at the end of the line.
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Enum-like parameters' {
    It 'completes every step status for -Status' {
        (Get-Completion 'Get-IRJobStep x -Status ').CompletionText |
            Should -Be @('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'STOPPING', 'STOPPED', 'DELETING', 'DELETED')
    }

    It 'completes from what is typed, in any case, quoted or not' {
        (Get-Completion 'Get-IRJobStep x -Status co').CompletionText | Should -Be 'COMPLETED'
        (Get-Completion "Get-IRJobStep x -Status 'stop").CompletionText | Should -Be @('STOPPING', 'STOPPED')
        (Get-Completion 'Get-IRJobStep x -StepType ').CompletionText | Should -Be 'BENCHMARK'
    }

    It 'completes Get-IRJob''s -StatusEqual, -SortBy and -SortOrder' {
        (Get-Completion 'Get-IRJob -StatusEqual in').CompletionText | Should -Be 'IN_PROGRESS'
        (Get-Completion 'Get-IRJob -SortBy ').CompletionText | Should -Be @('Name', 'CreationTime', 'Status')
        (Get-Completion 'Get-IRJob -SortOrder d').CompletionText | Should -Be 'Descending'
    }

    It 'completes -Region on every cmdlet from the regions the AWS SDK knows, by name or by display name' {
        $completions = Get-Completion 'Get-IRJobStep x -Region eu-we'
        $completions.CompletionText | Should -Be @('eu-west-1', 'eu-west-2', 'eu-west-3')
        $completions[0].ToolTip | Should -Be 'Europe (Ireland)'
        (Get-Completion 'Get-IRJob -RegionToCall frank').CompletionText | Should -Be 'eu-central-1'
        (Get-Completion 'Wait-IRJob x -Region us-east-').CompletionText | Should -Contain 'us-east-2'
        (Get-Completion 'Stop-IRJob x -Region ').Count | Should -BeGreaterThan 30
    }

    It 'offers values without restricting them (no ValidateSet: the service may add values)' {
        foreach ($parameter in (Get-Command Get-IRJobStep).Parameters['Status', 'StepType', 'Region'] + (Get-Command Get-IRJob).Parameters['StatusEqual', 'SortBy', 'SortOrder']) {
            $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Should -BeNullOrEmpty -Because $parameter.Name
            $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | Should -Not -BeNullOrEmpty -Because $parameter.Name
        }
    }
}

Describe '-JobName, live from ListInferenceRecommendationsJobs' {
    # Each test types its own word: a listing answers the same word and connection again for 30 s.
    BeforeEach {
        Reset-IRStepsEmulator $emulator
        Use-EmulatorCredential $emulator
    }

    AfterEach {
        Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction Ignore
    }

    It 'completes the names that contain what is typed, newest first, with status and creation time as tooltip' {
        $completions = Get-Completion 'Get-IRJobStep -JobName nightly'

        $completions.CompletionText | Should -Be @('nightly-bert-base', 'nightly-resnet50')
        $completions[0].ToolTip | Should -Be 'nightly-bert-base (FAILED, Default, created 2024-11-29 10:33 UTC)'
        $request = Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs
        $request.Count | Should -Be 1
        ($request[0].Body | ConvertFrom-Json).NameContains | Should -Be 'nightly'
    }

    It 'puts names that start with what is typed before those that only contain it' {
        (Get-Completion 'Get-IRJobStep res').CompletionText | Should -Be @('resnet50-retrain', 'nightly-resnet50')
    }

    It 'completes -JobName on every cmdlet that takes one' {
        (Get-Completion 'Get-IRJob -JobName weekly').CompletionText | Should -Be 'weekly-xgboost'
        (Get-Completion 'Wait-IRJob runn').CompletionText | Should -Be 'running-job'
        (Get-Completion 'Stop-IRJob -JobName pend').CompletionText | Should -Be 'pending-job'
    }

    It 'uses the keys, region and endpoint typed on the command line over the environment' {
        $env:AWS_ENDPOINT_URL_SAGEMAKER = 'http://127.0.0.1:9'   # nothing listens there
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENVIRONMENT'
        $secret = Get-IRStepsEmulatorSecret -AccessKey AKIDTESTLINE
        $line = "Get-IRJobStep -EndpointUrl $($emulator.Url) -AK AKIDTESTLINE -SecretKey '$secret' -RegionToCall eu-west-2 -JobName legacy"

        (Get-Completion $line).CompletionText | Should -Be 'legacy-no-endpoint'
        $request = (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs)[0]
        $request.AccessKey | Should -Be 'AKIDTESTLINE'
        $request.Region | Should -Be 'eu-west-2'
    }

    It 'uses a profile named on the command line' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content -Path $file -Value @(
            '[completion]'
            'aws_access_key_id = AKIDTESTPROFILE'
            "aws_secret_access_key = $(Get-IRStepsEmulatorSecret -AccessKey AKIDTESTPROFILE)"
        )

        (Get-Completion "Get-IRJobStep -ProfileName completion -ProfileLocation '$file' -JobName advanced").CompletionText | Should -Be 'advanced-llama-sweep'
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs)[0].AccessKey | Should -Be 'AKIDTESTPROFILE'
    }

    It 'uses the session''s $StoredAWSRegion, as the command would' {
        $global:StoredAWSRegion = 'ap-southeast-2'

        (Get-Completion 'Get-IRJobStep paged').CompletionText | Should -Be 'paged-job-25'
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs)[0].Region | Should -Be 'ap-southeast-2'
    }

    It 'offers nothing and throws nothing when the service refuses the credentials' {
        $errors = $Error.Count
        Get-Completion 'Get-IRJobStep -AccessKey AKIDTESTWRONG -SecretKey wrong -JobName nightly' | Should -BeNullOrEmpty
        $Error.Count | Should -Be $errors
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs)[0].StatusCode | Should -Be 400
    }

    It 'offers nothing and throws nothing without any credentials' {
        $null = Reset-TestAwsEnvironment
        $errors = $Error.Count
        Get-Completion 'Get-IRJobStep -JobName week' | Should -BeNullOrEmpty
        $Error.Count | Should -Be $errors
    }

    It 'gives up at its time limit when the service does not answer (the prompt never hangs)' {
        Add-IRStepsEmulatorFault $emulator -Kind Hang -Operation ListInferenceRecommendationsJobs
        $clock = [Diagnostics.Stopwatch]::StartNew()

        Get-Completion 'Get-IRJobStep -JobName legacy-no' | Should -BeNullOrEmpty

        # The limit is 2 s; a hung request would otherwise hold Tab for ever. The bound is loose on purpose.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 8
    }

    It 'keeps an answer that came after the time limit for the next Tab' {
        Add-IRStepsEmulatorFault $emulator -Kind Slow -DelayMs 2500 -Operation ListInferenceRecommendationsJobs
        Get-Completion 'Get-IRJobStep -JobName bert' | Should -BeNullOrEmpty

        # Wait for the slow answer to arrive, then Tab again: no second request.
        $deadline = (Get-Date).AddSeconds(15)
        do {
            Start-Sleep -Milliseconds 200
            $log = Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs
        } until (($log | Where-Object { $_.StatusCode -eq 200 }) -or (Get-Date) -gt $deadline)
        Start-Sleep -Milliseconds 200

        (Get-Completion 'Get-IRJobStep -JobName bert').CompletionText | Should -Be 'nightly-bert-base'
        (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs).Count | Should -Be 1
    }
}
