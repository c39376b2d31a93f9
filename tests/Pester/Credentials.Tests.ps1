# The credential ladder against the emulator: which access key signed the request, as the emulator saw it.
# Every test starts from a temporary profile folder and a clean AWS_* environment.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll

    function Reset-CredentialTest {
        # A fresh temporary profile folder, no AWS_* but the region and the emulator's endpoints (SageMaker and STS).
        $script:testHome = Reset-TestAwsEnvironment
        $env:AWS_REGION = 'us-east-1'
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
        $env:AWS_ENDPOINT_URL_STS = $emulator.Url
        Reset-IRStepsEmulator $emulator
    }

    function Get-Signer {
        # Calls Get-IRJobStep with the given parameters and returns the access key the emulator saw.
        param([hashtable] $Parameters = @{})
        $null = Get-IRJobStep -JobName nightly-resnet50 -First 1 @Parameters
        $requests = @(Get-SignedRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].StatusCode | Should -Be 200
        $requests[0].Region | Should -Be $env:AWS_REGION
        $requests[0].AccessKey
    }

    # One profile per rung of the ladder, all present in every ladder test: only the rung in force may sign.
    $script:ladderCredentials = @"
[named]
$(Get-TestKeyLine AKIDTESTNAMED)
[stored]
$(Get-TestKeyLine AKIDTESTSTORED)
[fromenv]
$(Get-TestKeyLine AKIDTESTAWSPROFILE)
[default]
$(Get-TestKeyLine AKIDTESTDEFAULT)
"@
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Credentials, first match wins' {
    BeforeEach { Reset-CredentialTest }

    It 'rung <Rung> signs when every lower rung is set too' -TestCases @(
        @{ Rung = 1; Name = '-AccessKey/-SecretKey'; Expected = 'AKIDTESTPARAM' }
        @{ Rung = 2; Name = '-Credential'; Expected = 'AKIDTESTOBJECT' }
        @{ Rung = 3; Name = '-ProfileName'; Expected = 'AKIDTESTNAMED' }
        @{ Rung = 4; Name = '$StoredAWSCredentials'; Expected = 'AKIDTESTSTORED' }
        @{ Rung = 5; Name = 'AWS_ACCESS_KEY_ID'; Expected = 'AKIDTESTENV' }
        @{ Rung = 6; Name = 'AWS_PROFILE'; Expected = 'AKIDTESTAWSPROFILE' }
        @{ Rung = 7; Name = 'the default profile'; Expected = 'AKIDTESTDEFAULT' }
    ) {
        # Loads the module's SDK, for Get-OwnAwsCredential.
        $null = Get-IRJobStep -JobName nightly-resnet50 -First 1 -AccessKey AKIDTESTWARM -SecretKey (Get-IRStepsEmulatorSecret AKIDTESTWARM)
        Reset-IRStepsEmulator $emulator
        Set-TestProfileFile -Credentials $ladderCredentials
        $parameters = @{}
        if ($Rung -le 1) { $parameters.AccessKey = 'AKIDTESTPARAM'; $parameters.SecretKey = Get-IRStepsEmulatorSecret 'AKIDTESTPARAM' }
        if ($Rung -le 2) { $parameters.Credential = Get-OwnAwsCredential -AccessKey AKIDTESTOBJECT }
        if ($Rung -le 3) { $parameters.ProfileName = 'named' }
        if ($Rung -le 4) { $StoredAWSCredentials = 'stored' }
        if ($Rung -le 5) { $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV' }
        if ($Rung -le 6) { $env:AWS_PROFILE = 'fromenv' }

        Get-Signer $parameters | Should -Be $Expected
    }

    It 'signs with -SessionToken beside -AccessKey/-SecretKey, and with AWS_SESSION_TOKEN' {
        $null = Get-IRJobStep nightly-resnet50 -First 1 -AccessKey AKIDTESTTEMP -SecretKey (Get-IRStepsEmulatorSecret AKIDTESTTEMP) -SessionToken 'token-from-parameter'
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV'; $env:AWS_SESSION_TOKEN = 'token-from-env'
        $null = Get-IRJobStep nightly-resnet50 -First 1

        $requests = @(Get-SignedRequest $emulator)
        $requests.SessionToken | Should -Be @('token-from-parameter', 'token-from-env')
    }

    It 'reads the legacy AWS_SECRET_KEY' {
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTLEGACY'; $env:AWS_SECRET_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTLEGACY'

        Get-Signer | Should -Be 'AKIDTESTLEGACY'
    }

    It 'takes AWS.Tools'' $StoredAWSCredentials wrapper (AWSPSCredentials, internal Credentials) from Set-AWSCredential' {
        $null = Get-IRJobStep -JobName nightly-resnet50 -First 1 -AccessKey AKIDTESTWARM -SecretKey (Get-IRStepsEmulatorSecret AKIDTESTWARM)
        Reset-IRStepsEmulator $emulator
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV'
        $StoredAWSCredentials = New-StoredAWSCredential -Credentials (Get-OwnAwsCredential -AccessKey AKIDTESTWRAPPED)

        Get-Signer | Should -Be 'AKIDTESTWRAPPED'
    }

    It 'binds the credential parameters by property name, with the AWS.Tools aliases' {
        $command = Get-Command Get-IRJobStep
        $command.Parameters['Region'].Aliases | Should -Be @('RegionToCall')
        $command.Parameters['AccessKey'].Aliases | Should -Be @('AK')
        $command.Parameters['SecretKey'].Aliases | Should -Be @('SK', 'SecretAccessKey')
        $command.Parameters['SessionToken'].Aliases | Should -Be @('ST')
        $command.Parameters['ProfileName'].Aliases | Should -Be @('StoredCredentials', 'AWSProfileName')
        $command.Parameters['ProfileLocation'].Aliases | Should -Be @('AWSProfilesLocation', 'ProfilesLocation')
        foreach ($name in 'Region', 'AccessKey', 'SecretKey', 'SessionToken', 'ProfileName', 'ProfileLocation', 'Credential', 'EndpointUrl') {
            $command.Parameters[$name].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -BeTrue -Because $name
        }

        [pscustomobject]@{ JobName = 'nightly-resnet50'; AK = 'AKIDTESTPIPED'; SecretAccessKey = Get-IRStepsEmulatorSecret 'AKIDTESTPIPED'; RegionToCall = 'eu-west-3' } |
            Get-IRJobStep -First 1 | Out-Null
        $request = @(Get-SignedRequest $emulator)[0]
        $request.AccessKey | Should -Be 'AKIDTESTPIPED'
        $request.Region | Should -Be 'eu-west-3'
    }
}

Describe 'A profile that is named must exist' {
    BeforeEach {
        Reset-CredentialTest
        # Everything a silent fallback could pick up instead.
        Set-TestProfileFile -Credentials "[default]`n$(Get-TestKeyLine AKIDTESTDEFAULT)"
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV'
    }

    It 'stops with ProfileNotFound when <Named> names a missing profile, and sends nothing' -TestCases @(
        @{ Named = '-ProfileName' }
        @{ Named = 'AWS_PROFILE' }
        @{ Named = '$StoredAWSCredentials' }
    ) {
        $parameters = @{}
        switch ($Named) {
            '-ProfileName' { $parameters.ProfileName = 'typo' }
            'AWS_PROFILE' { Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY; $env:AWS_PROFILE = 'typo' }
            '$StoredAWSCredentials' { $StoredAWSCredentials = 'typo' }
        }

        $failure = { 'nightly-resnet50', 'nightly-bert-base' | Get-IRJobStep @parameters } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ProfileNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -BeLike "*'typo'*$Named*"
        $failure.Exception.Message | Should -BeLike "*$($env:AWS_SHARED_CREDENTIALS_FILE)*"
        @(Get-SignedRequest $emulator).Count | Should -Be 0
    }

    It 'looks only in -ProfileLocation when it is given' {
        $elsewhere = Join-Path $testHome 'elsewhere-credentials'
        Set-Content -Path $elsewhere -Value "[team]`n$(Get-TestKeyLine AKIDTESTELSEWHERE)"

        Get-Signer @{ ProfileName = 'team'; ProfileLocation = $elsewhere } | Should -Be 'AKIDTESTELSEWHERE'
        { Get-IRJobStep nightly-resnet50 -ProfileName default -ProfileLocation $elsewhere } | Should -Throw -ErrorId 'ProfileNotFound,*'
    }

    It 'refuses a named profile that holds no credentials' {
        Set-TestProfileFile -Config "[profile regiononly]`nregion = eu-west-1"

        $failure = { Get-IRJobStep nightly-resnet50 -ProfileName regiononly } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        $failure.Exception.Message | Should -BeLike "*'regiononly'*holds no credentials*"
    }
}

Describe 'Profiles of every kind' {
    BeforeEach { Reset-CredentialTest }

    It 'signs with a session-token profile''s token' {
        Set-TestProfileFile -Credentials "[temp]`n$(Get-TestKeyLine AKIDTESTSESSION)`naws_session_token = token-from-profile"

        Get-Signer @{ ProfileName = 'temp' } | Should -Be 'AKIDTESTSESSION'
        @(Get-SignedRequest $emulator)[0].SessionToken | Should -Be 'token-from-profile'
    }

    It 'assumes a role_arn + source_profile role through STS once, then reuses the credentials' {
        Set-TestProfileFile -Credentials "[base]`n$(Get-TestKeyLine AKIDTESTBASE)" -Config @"
[profile deploy]
role_arn = arn:aws:iam::123456789012:role/irsteps-reader
source_profile = base
role_session_name = irsteps-test
"@
        $null = Get-IRJobStep nightly-resnet50 -ProfileName deploy -First 1
        $null = Get-IRJobStep nightly-bert-base -ProfileName deploy -First 1

        $assume = @(Get-EmulatorCall $emulator -Operation AssumeRole)
        $assume.Count | Should -Be 1
        $assume[0].AccessKey | Should -Be 'AKIDTESTBASE'
        $assume[0].Parameters.RoleArn | Should -Be 'arn:aws:iam::123456789012:role/irsteps-reader'
        $assume[0].Parameters.RoleSessionName | Should -Be 'irsteps-test'
        $calls = @(Get-SignedRequest $emulator)
        $calls.Count | Should -Be 2
        $calls.StatusCode | Should -Be @(200, 200)
        $calls.AccessKey | Select-Object -Unique | Should -BeLike 'ASIAEMU*'
    }

    It 'runs a credential_process' {
        $process = Join-Path $testHome 'credential-process.ps1'
        Set-Content -Path $process -Value ("'{""Version"": 1, ""AccessKeyId"": ""AKIDTESTPROCESS"", ""SecretAccessKey"": ""$(Get-IRStepsEmulatorSecret AKIDTESTPROCESS)""}'")
        $pwsh = (Get-Process -Id $PID).Path
        $command = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { "$pwsh $(Join-Path $PSHOME 'pwsh.dll')" } else { $pwsh }
        Set-TestProfileFile -Config "[profile process]`ncredential_process = $command -NoProfile -File $process"

        Get-Signer @{ ProfileName = 'process' } | Should -Be 'AKIDTESTPROCESS'
    }

    It 'says to run aws sso login when the SSO login has expired, and sends nothing' {
        $savedHome = $env:HOME
        try {
            $env:HOME = $testHome   # the SDK keeps SSO tokens under ~/.aws/sso/cache
            Set-TestProfileFile -Config @"
[profile corp-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = InferenceReader
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
"@
            $cache = New-Item -ItemType Directory -Force -Path (Join-Path $testHome '.aws/sso/cache')
            $sha1 = [Security.Cryptography.SHA1]::Create()
            $name = -join ($sha1.ComputeHash([Text.Encoding]::UTF8.GetBytes('corp')) | ForEach-Object { $_.ToString('x2') })
            @{ accessToken = 'expired-token'; expiresAt = '2020-01-01T00:00:00Z'; region = 'us-east-1'; startUrl = 'https://corp.awsapps.com/start' } |
                ConvertTo-Json | Set-Content -Path (Join-Path $cache "$name.json")

            $failure = { Get-IRJobStep nightly-resnet50 -ProfileName corp-sso } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -BeLike "*expired*aws sso login --profile corp-sso*"
            @(Get-EmulatorCall $emulator).Count | Should -Be 0
        }
        finally {
            $env:HOME = $savedHome
        }
    }

    It 'prompts for the MFA code of an mfa_serial role profile and sends it to STS' {
        Set-TestProfileFile -Credentials "[base]`n$(Get-TestKeyLine AKIDTESTMFABASE)" -Config @"
[profile guarded]
role_arn = arn:aws:iam::123456789012:role/irsteps-guarded
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/operator
"@
        $script = "Import-Module '$ModuleManifest'; (Get-IRJobStep nightly-resnet50 -ProfileName guarded).Count"

        $child = Invoke-ChildPwsh -Script $script -InputText "123456`n"

        $child.Errors | Should -BeNullOrEmpty
        $child.Output -like 'Enter MFA code for arn:aws:iam::123456789012:mfa/operator:*' | Should -Not -BeNullOrEmpty
        $child.Output[-1] | Should -Be '8'
        $assume = @(Get-EmulatorCall $emulator -Operation AssumeRole)
        $assume.Count | Should -Be 1
        $assume[0].Parameters.SerialNumber | Should -Be 'arn:aws:iam::123456789012:mfa/operator'
        $assume[0].Parameters.TokenCode | Should -Be '123456'
        @(Get-SignedRequest $emulator)[0].AccessKey | Should -BeLike 'ASIAEMU*'
    }

    It 'explains that an MFA profile needs an interactive session when it cannot prompt' {
        Set-TestProfileFile -Credentials "[base]`n$(Get-TestKeyLine AKIDTESTMFABASE)" -Config @"
[profile guarded]
role_arn = arn:aws:iam::123456789012:role/irsteps-guarded
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/operator
"@
        $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$ModuleManifest'; try { Get-IRJobStep nightly-resnet50 -ProfileName guarded } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"

        $child = Invoke-ChildPwsh -Script $script -NonInteractive

        ($child.Output -join ' ') | Should -BeLike '*InvalidCredentials,*could not assume the role*NonInteractive mode*MFA code*interactive session*'
        @(Get-SignedRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Profile files are read on every call' {
    BeforeEach { Reset-CredentialTest }

    It 'sees a profile written after the first call, and a new AWS_SHARED_CREDENTIALS_FILE' {
        { Get-IRJobStep nightly-resnet50 -ProfileName late } | Should -Throw -ErrorId 'ProfileNotFound,*'
        Set-TestProfileFile -Credentials "[late]`n$(Get-TestKeyLine AKIDTESTLATE)"
        Get-Signer @{ ProfileName = 'late' } | Should -Be 'AKIDTESTLATE'

        Reset-IRStepsEmulator $emulator
        $other = Join-Path $testHome 'other'
        New-Item -ItemType Directory -Path $other | Out-Null
        Set-Content -Path (Join-Path $other 'credentials') -Value "[late]`n$(Get-TestKeyLine AKIDTESTMOVED)"
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $other 'credentials'
        Get-Signer @{ ProfileName = 'late' } | Should -Be 'AKIDTESTMOVED'
    }

    It 'reads ~/.aws under HOME when no file variable is set' {
        $savedHome = $env:HOME
        try {
            Remove-Item Env:AWS_SHARED_CREDENTIALS_FILE, Env:AWS_CONFIG_FILE
            $env:HOME = $testHome
            Set-Content -Path (Join-Path $testHome '.aws/credentials') -Value "[default]`n$(Get-TestKeyLine AKIDTESTHOME)"

            Get-Signer | Should -Be 'AKIDTESTHOME'
        }
        finally {
            $env:HOME = $savedHome
        }
    }
}

Describe 'When no credentials are found' {
    BeforeEach { Reset-CredentialTest }

    It 'stops with NoCredentials, listing what was tried and how to fix it, and sends nothing' {
        # A default profile that holds only a region is skipped, as the SDKs do.
        Set-TestProfileFile -Config "[default]`nregion = eu-west-1"

        $failure = { 'nightly-resnet50', 'nightly-bert-base' | Get-IRJobStep } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'NoCredentials,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $message = $failure.Exception.Message
        $message | Should -BeLike 'No credentials specified or obtained from persisted/shell defaults.*'
        foreach ($tried in '-AccessKey/-SecretKey', '-Credential', '-ProfileName', '$StoredAWSCredentials', 'AWS_ACCESS_KEY_ID', 'AWS_PROFILE',
            "the 'default' profile", 'no credentials in it', 'container credentials', 'AWS_EC2_METADATA_DISABLED is true') {
            $message | Should -BeLike "*$tried*"
        }
        foreach ($fix in 'Set-AWSCredential', 'aws configure', 'aws sso login') { $message | Should -BeLike "*$fix*" }
        @(Get-EmulatorCall $emulator).Count | Should -Be 0
    }

    It 'refuses -AccessKey without -SecretKey, and a -Credential that is not AWS credentials' {
        { Get-IRJobStep nightly-resnet50 -AccessKey AKIDTESTHALF } | Should -Throw -ErrorId 'InvalidCredentials,*'
        $failure = { Get-IRJobStep nightly-resnet50 -Credential (Get-Date) } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        $failure.Exception.Message | Should -BeLike '*Amazon.Runtime.AWSCredentials*System.DateTime*'
    }
}

Describe 'Where the credentials came from, never a secret' {
    BeforeEach { Reset-CredentialTest }

    It 'names the source in -Verbose: <Expected>' -TestCases @(
        @{ Setup = { $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV' }; Parameters = @{}; Expected = 'credentials from the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)' }
        @{ Setup = { Set-TestProfileFile -Credentials "[dev]`n$(Get-TestKeyLine AKIDTESTDEV)" }; Parameters = @{ ProfileName = 'dev' }; Expected = "credentials from profile 'dev' (static keys, named by -ProfileName)" }
        @{ Setup = { Set-TestProfileFile -Credentials "[default]`n$(Get-TestKeyLine AKIDTESTDEF)" }; Parameters = @{}; Expected = "credentials from profile 'default' (static keys, named by the default profile)" }
        @{ Setup = {}; Parameters = @{ AccessKey = 'AKIDTESTPAR'; SecretKey = 'emu/secret+AKIDTESTPAR' }; Expected = 'credentials from the -AccessKey and -SecretKey parameters' }
    ) {
        & $Setup
        $verbose = Get-IRJobStep nightly-resnet50 -First 1 @Parameters -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Contain "IRSteps $Expected"
        $verbose.Message | Should -Contain 'IRSteps region us-east-1 from the environment (AWS_REGION)'
        ($verbose.Message -like 'IRSteps signing with access key *') | Should -Not -BeNullOrEmpty
    }

    It 'writes no secret key or session token to any stream, even with -Verbose -Debug and on errors' {
        $secrets = @(
            (Get-IRStepsEmulatorSecret 'AKIDTESTVERBOSE'), 'session-token-SECRET-1', (Get-IRStepsEmulatorSecret 'AKIDTESTPROFILEV'),
            'session-token-SECRET-2', (Get-IRStepsEmulatorSecret 'AKIDTESTENVV'), 'wrong/secret/SECRET-3'
        )
        Set-TestProfileFile -Credentials "[v]`n$(Get-TestKeyLine AKIDTESTPROFILEV)`naws_session_token = session-token-SECRET-2"
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENVV'; $env:AWS_SECRET_ACCESS_KEY = $secrets[4]
        $DebugPreference = 'Continue'

        $output = @(
            Get-IRJobStep nightly-resnet50 -AccessKey AKIDTESTVERBOSE -SecretKey $secrets[0] -SessionToken $secrets[1] -Verbose -Debug *>&1
            Get-IRJobStep nightly-resnet50 -ProfileName v -Verbose -Debug *>&1
            Get-IRJobStep nightly-resnet50 -Verbose -Debug *>&1
            Get-IRJobStep nightly-resnet50 -AccessKey AKIDTESTWRONG -SecretKey $secrets[5] -Verbose -Debug -ErrorAction Continue *>&1
            try { Get-IRJobStep nightly-resnet50 -ProfileName missing -Verbose -Debug *>&1 } catch { $_ }
        )

        @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 1
        $text = ($output | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails } else { $_ | Out-String }
            }) -join "`n"
        foreach ($secret in $secrets) { $text | Should -Not -BeLike "*$secret*" }
    }
}
