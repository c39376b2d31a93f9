# The endpoint ladder: where the request went (the emulator saw it, or a dead local port did not) and, for the
# AWS endpoints the tests must never call (FIPS, dual-stack, the rules' default), the URL the client would use,
# as -Verbose reports it from the client's own endpoint resolution before a credential_process that cannot
# run stops the command. Every test starts from a temporary profile folder and a clean AWS_* environment.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll

    # Nothing listens on the discard port: a request sent there would fail, so a passing call did not use it.
    $script:dead = 'http://127.0.0.1:9'
    $script:noCredentialProcess = 'credential_process = ' + (Join-Path ([IO.Path]::GetTempPath()) 'irsteps-no-such-credential-process')

    function Reset-EndpointTest {
        $script:testHome = Reset-TestAwsEnvironment
        $env:AWS_REGION = 'us-east-1'
        Reset-IRStepsEmulator $emulator
    }

    function Use-TestKey {
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENDPOINT'
        $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENDPOINT'
    }

    function Get-EndpointVerbose {
        # Runs Get-IRJobStep with credentials that cannot be fetched (the profile's credential_process does not
        # exist): the command stops before any request, after -Verbose has named the endpoint it would call.
        param([hashtable] $Parameters = @{})
        $records = New-Object System.Collections.Generic.List[object]
        $failure = $null
        try {
            Get-IRJobStep nightly-resnet50 @Parameters -Verbose 4>&1 | ForEach-Object { $records.Add($_) }
        }
        catch {
            $failure = $_
        }
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        @(Get-EmulatorCall $emulator).Count | Should -Be 0
        $line = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'IRSteps endpoint *' })
        $line.Count | Should -Be 1
        $line[0].Message
    }

    # Pins the SDK's once-per-process defaults while the environment is clean (see AWSSDK-FACTS).
    Reset-EndpointTest
    Use-TestKey
    $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
    $null = Get-IRJobStep nightly-resnet50 -First 1
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Endpoint, first match wins' {
    BeforeEach {
        Reset-EndpointTest
        Use-TestKey
    }

    It '-EndpointUrl wins over AWS_ENDPOINT_URL_SAGEMAKER, AWS_ENDPOINT_URL and the profile''s endpoint_url' {
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $dead
        $env:AWS_ENDPOINT_URL = $dead
        Set-TestProfileFile -Config "[default]`nendpoint_url = $dead"

        (Get-IRJobStep nightly-resnet50 -EndpointUrl $emulator.Url).Count | Should -Be 8
        @(Get-SignedRequest $emulator).Count | Should -Be 1
    }

    It 'AWS_ENDPOINT_URL_SAGEMAKER wins over AWS_ENDPOINT_URL and the profile''s endpoint_url' {
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
        $env:AWS_ENDPOINT_URL = $dead
        Set-TestProfileFile -Config "[default]`nendpoint_url = $dead"

        (Get-IRJobStep nightly-resnet50).Count | Should -Be 8
    }

    It 'AWS_ENDPOINT_URL wins over the profile''s endpoint_url' {
        $env:AWS_ENDPOINT_URL = $emulator.Url
        Set-TestProfileFile -Config "[default]`nendpoint_url = $dead"

        (Get-IRJobStep nightly-resnet50).Count | Should -Be 8
    }

    It 'uses endpoint_url of the profile in use, and a services section over it' {
        Set-TestProfileFile -Credentials "[team]`n$(Get-TestKeyLine AKIDTESTTEAM)`n[split]`n$(Get-TestKeyLine AKIDTESTSPLIT)" -Config @"
[profile team]
endpoint_url = $($emulator.Url)
[profile split]
endpoint_url = $dead
services = local-sagemaker
[services local-sagemaker]
sagemaker =
  endpoint_url = $($emulator.Url)
"@
        $verbose = Get-IRJobStep nightly-resnet50 -First 1 -ProfileName team -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $null = Get-IRJobStep nightly-resnet50 -First 1 -ProfileName split

        @(Get-SignedRequest $emulator).AccessKey | Should -Be @('AKIDTESTTEAM', 'AKIDTESTSPLIT')
        $verbose.Message | Should -Contain "IRSteps endpoint $($emulator.Url)/ from endpoint_url of profile 'team'"
    }

    It 'signs for the resolved region, not one guessed from the URL, when the endpoint is overridden (<Case>)' -TestCases @(
        @{ Case = '-EndpointUrl with -Region'; Parameters = @{ Region = 'eu-central-1' }; Expected = 'eu-central-1' }
        @{ Case = 'AWS_ENDPOINT_URL_SAGEMAKER with AWS_REGION'; Parameters = @{}; Expected = 'us-east-1' }
    ) {
        $Parameters.EndpointUrl = $emulator.Url

        $null = Get-IRJobStep nightly-resnet50 -First 1 @Parameters

        $request = @(Get-SignedRequest $emulator)[0]
        $request.StatusCode | Should -Be 200
        $request.Region | Should -Be $Expected
    }

    It 'refuses an -EndpointUrl that is not an http or https URL' {
        $failure = { Get-IRJobStep nightly-resnet50 -EndpointUrl 'ftp://127.0.0.1/' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'
        $failure.Exception.Message | Should -BeLike "*'ftp://127.0.0.1/'*-EndpointUrl*"
    }
}

Describe 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS' {
    BeforeEach { Reset-EndpointTest }

    It 'turns the configured endpoints off (variables and profile) and leaves the rules'' endpoint' {
        Set-TestProfileFile -Config "[default]`n$noCredentialProcess`nendpoint_url = $dead"
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $dead
        $env:AWS_ENDPOINT_URL = $dead
        $env:AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'

        Get-EndpointVerbose | Should -Be 'IRSteps endpoint https://api.sagemaker.us-east-1.amazonaws.com/ from the SageMaker endpoint rules (configured endpoints ignored: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)'
    }

    It 'also as the profile''s ignore_configured_endpoint_urls' {
        Set-TestProfileFile -Config "[default]`n$noCredentialProcess`nendpoint_url = $dead`nignore_configured_endpoint_urls = true"

        Get-EndpointVerbose | Should -BeLike "IRSteps endpoint https://api.sagemaker.us-east-1.amazonaws.com/ from *ignore_configured_endpoint_urls of profile 'default')"
    }

    It 'keeps -EndpointUrl, which is not a configured endpoint' {
        Use-TestKey
        $env:AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $dead

        (Get-IRJobStep nightly-resnet50 -EndpointUrl $emulator.Url).Count | Should -Be 8
    }
}

Describe 'FIPS and dual-stack endpoints' {
    BeforeEach { Reset-EndpointTest }

    It 'selects <Expected> from the profile''s <Keys>' -TestCases @(
        @{ Keys = 'use_fips_endpoint'; Lines = "use_fips_endpoint = true"; Expected = 'https://api-fips.sagemaker.us-east-1.amazonaws.com' }
        @{ Keys = 'use_dualstack_endpoint'; Lines = "use_dualstack_endpoint = true"; Expected = 'https://api.sagemaker.us-east-1.api.aws' }
        @{ Keys = 'both'; Lines = "use_fips_endpoint = true`nuse_dualstack_endpoint = true"; Expected = 'https://api.sagemaker-fips.us-east-1.api.aws' }
    ) {
        Set-TestProfileFile -Config "[profile gov]`n$noCredentialProcess`n$Lines"

        Get-EndpointVerbose @{ ProfileName = 'gov' } | Should -BeLike "IRSteps endpoint $Expected/ from the SageMaker endpoint rules*of profile 'gov'"
    }

    It 'reads AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT on each call, not once per process' {
        Set-TestProfileFile -Config "[default]`n$noCredentialProcess"

        $env:AWS_USE_FIPS_ENDPOINT = 'true'
        Get-EndpointVerbose | Should -Be 'IRSteps endpoint https://api-fips.sagemaker.us-east-1.amazonaws.com/ from the SageMaker endpoint rules; FIPS from the environment (AWS_USE_FIPS_ENDPOINT)'
        $env:AWS_USE_DUALSTACK_ENDPOINT = 'true'
        Get-EndpointVerbose | Should -BeLike 'IRSteps endpoint https://api.sagemaker-fips.us-east-1.api.aws/ from *; dual-stack from the environment (AWS_USE_DUALSTACK_ENDPOINT)'
        $env:AWS_USE_FIPS_ENDPOINT = 'false'
        $env:AWS_USE_DUALSTACK_ENDPOINT = 'false'
        Get-EndpointVerbose | Should -Be 'IRSteps endpoint https://api.sagemaker.us-east-1.amazonaws.com/ from the SageMaker endpoint rules'
    }

    It 'selects FIPS from AWS_USE_FIPS_ENDPOINT set before the process started' {
        Set-TestProfileFile -Config "[default]`n$noCredentialProcess"
        $script = @"
Import-Module '$ModuleManifest'
try { Get-IRJobStep nightly-resnet50 -Region us-gov-west-1 -Verbose 4>&1 | ForEach-Object { `$_.Message } } catch { `$_.FullyQualifiedErrorId }
"@
        $child = Invoke-ChildPwsh -Script $script -Environment @{ AWS_USE_FIPS_ENDPOINT = 'true' }

        $child.Output | Should -Contain 'IRSteps endpoint https://api-fips.sagemaker.us-gov-west-1.amazonaws.com/ from the SageMaker endpoint rules; FIPS from the environment (AWS_USE_FIPS_ENDPOINT)'
        $child.Output[-1] | Should -BeLike 'InvalidCredentials,*'
        @(Get-EmulatorCall $emulator).Count | Should -Be 0
    }

    It 'refuses FIPS or dual-stack with a custom endpoint, naming both sources, and sends nothing' {
        Use-TestKey
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
        $env:AWS_USE_FIPS_ENDPOINT = 'true'

        $failure = { Get-IRJobStep nightly-resnet50 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'
        $failure.Exception.Message | Should -BeLike '*FIPS (from the environment (AWS_USE_FIPS_ENDPOINT))*custom endpoint*AWS_ENDPOINT_URL_SAGEMAKER*'
        { Get-IRJobStep nightly-resnet50 -Region fips-us-east-1 -EndpointUrl $emulator.Url } | Should -Throw -ErrorId 'InvalidEndpoint,*'
        @(Get-EmulatorCall $emulator).Count | Should -Be 0

        Remove-Item Env:AWS_USE_FIPS_ENDPOINT
        (Get-IRJobStep nightly-resnet50).Count | Should -Be 8
    }
}
