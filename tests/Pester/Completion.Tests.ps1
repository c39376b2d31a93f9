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

Describe '-ProfileName, from the profile files the command would read' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    }

    BeforeEach {
        $null = Reset-TestAwsEnvironment
        Set-TestProfileFile -Credentials "[default]`n$(Get-TestKeyLine AKIDTESTDEFAULT)`n[dev]`n$(Get-TestKeyLine AKIDTESTDEV)`naws_session_token = SESSIONTOKENSECRET`n[team ops]`n$(Get-TestKeyLine AKIDTESTOPS)`n" `
            -Config ("[profile prod-admin]`nrole_arn = arn:aws:iam::123456789012:role/Admin`nsource_profile = default`nregion = eu-west-1`n" +
                "[profile sso-dev]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = Dev`n[sso-session corp]`nsso_start_url = https://corp.awsapps.com/start`nsso_region = us-east-1`n" +
                "[profile dev]`nregion = us-west-2`n")
    }

    It 'completes every profile of the credentials and config files, on every cmdlet' {
        (Get-Completion 'Get-IRJobStep x -ProfileName ').ListItemText | Should -Be @('default', 'dev', 'prod-admin', 'sso-dev', 'team ops')
        (Get-Completion 'Get-IRJob -ProfileName ').Count | Should -Be 5
        (Get-Completion 'Wait-IRJob x -StoredCredentials ').Count | Should -Be 5
        (Get-Completion 'Stop-IRJob x -AWSProfileName ').Count | Should -Be 5
    }

    It 'puts names that start with what is typed before those that only contain it, in any case' {
        (Get-Completion 'Get-IRJobStep x -ProfileName DEV').ListItemText | Should -Be @('dev', 'sso-dev')
        (Get-Completion "Get-IRJobStep x -ProfileName 'pro").ListItemText | Should -Be 'prod-admin'
    }

    It 'quotes a name that is not a bare word' {
        (Get-Completion 'Get-IRJobStep x -ProfileName team').CompletionText | Should -Be "'team ops'"
    }

    It 'says in the tooltip what the profile holds and its region, and never a key or a token' {
        $tips = @{}
        foreach ($completion in Get-Completion 'Get-IRJobStep x -ProfileName ') { $tips[$completion.ListItemText] = $completion.ToolTip }
        $tips['default'] | Should -Be 'default: static keys'
        $tips['dev'] | Should -Be 'dev: keys with a session token, region us-west-2'
        $tips['prod-admin'] | Should -Be 'prod-admin: role arn:aws:iam::123456789012:role/Admin, region eu-west-1'
        $tips['sso-dev'] | Should -Be 'sso-dev: SSO, sso_session corp'
        $all = $tips.Values -join "`n"
        $all | Should -Not -Match 'AKIDTEST|SESSIONTOKENSECRET|emu/secret'
    }

    It 'reads the credentials file -ProfileLocation names on the command line instead (the config file stays), as the command would' {
        $other = Join-Path $TestDrive 'other-credentials'
        Set-Content -Path $other -Value "[elsewhere]`n$(Get-TestKeyLine AKIDTESTELSEWHERE)"
        (Get-Completion "Get-IRJobStep x -ProfileLocation '$other' -ProfileName ").ListItemText | Should -Be @('elsewhere', 'prod-admin', 'sso-dev')
        (Get-Completion "Get-IRJobStep x -ProfilesLocation '$other' -ProfileName els").ListItemText | Should -Be 'elsewhere'
    }

    It 'offers nothing and throws nothing when there are no profile files' {
        Remove-Item $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE
        @(Get-Completion 'Get-IRJobStep x -ProfileName ') | Should -BeNullOrEmpty
        @(Get-Completion "Get-IRJobStep x -ProfileLocation '$TestDrive/missing' -ProfileName ") | Should -BeNullOrEmpty
    }
}
