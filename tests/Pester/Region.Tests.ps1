# The region ladder against the emulator: which region signed the request (the SigV4 scope the emulator saw).
# Every test starts from a temporary profile folder and a clean AWS_* environment.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll

    function Reset-RegionTest {
        # A fresh temporary profile folder and no AWS_* but the emulator's endpoint: no region anywhere yet.
        $script:testHome = Reset-TestAwsEnvironment
        $env:AWS_ENDPOINT_URL_SAGEMAKER = $emulator.Url
        Reset-IRStepsEmulator $emulator
    }

    function Get-SigningRegion {
        # Calls Get-IRJobStep with the given parameters and returns the region the emulator saw in the signature
        # (and checks the access key: the named profile's when -ProfileName is given, else the default's).
        param([hashtable] $Parameters = @{}, [string] $AccessKey)
        $null = Get-IRJobStep -JobName nightly-resnet50 -First 1 @Parameters
        $requests = @(Get-SignedRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].StatusCode | Should -Be 200
        if ($AccessKey) { $requests[0].AccessKey | Should -Be $AccessKey }
        $requests[0].Region
    }

    # Credentials in every profile so that the region is the only thing that varies.
    $script:regionProfiles = @"
[default]
$(Get-TestKeyLine AKIDTESTDEFAULT)
region = ap-southeast-2
[profile named]
$(Get-TestKeyLine AKIDTESTNAMED)
region = eu-west-3
[profile fromenv]
$(Get-TestKeyLine AKIDTESTAWSPROFILE)
region = sa-east-1
[profile noregion]
$(Get-TestKeyLine AKIDTESTNOREGION)
"@
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Region, first match wins' {
    BeforeEach { Reset-RegionTest }

    It 'rung <Rung> (<Name>) decides the region when every lower rung is set too' -TestCases @(
        @{ Rung = 1; Name = '-Region'; Expected = 'ca-central-1' }
        @{ Rung = 2; Name = '$StoredAWSRegion'; Expected = 'eu-north-1' }
        @{ Rung = 3; Name = 'AWS_REGION'; Expected = 'us-west-2' }
        @{ Rung = 4; Name = 'AWS_DEFAULT_REGION'; Expected = 'us-east-2' }
        @{ Rung = 5; Name = 'the named profile'; Expected = 'eu-west-3' }
        @{ Rung = 6; Name = 'the default profile'; Expected = 'ap-southeast-2' }
    ) {
        Set-TestProfileFile -Config $regionProfiles
        $parameters = @{}
        if ($Rung -le 1) { $parameters.Region = 'ca-central-1' }
        if ($Rung -le 2) { $StoredAWSRegion = 'eu-north-1' }
        if ($Rung -le 3) { $env:AWS_REGION = 'us-west-2' }
        if ($Rung -le 4) { $env:AWS_DEFAULT_REGION = 'us-east-2' }
        if ($Rung -le 5) { $parameters.ProfileName = 'named' }

        Get-SigningRegion $parameters -AccessKey $(if ($Rung -le 5) { 'AKIDTESTNAMED' } else { 'AKIDTESTDEFAULT' }) | Should -Be $Expected
    }

    It 'honours the region of the profile named by AWS_PROFILE, even with credentials from the environment' {
        Set-TestProfileFile -Config $regionProfiles
        $env:AWS_PROFILE = 'fromenv'
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV'

        Get-SigningRegion | Should -Be 'sa-east-1'
        @(Get-SignedRequest $emulator)[0].AccessKey | Should -Be 'AKIDTESTENV'
    }

    It 'honours a -ProfileName profile''s region over the default profile''s (which AWS.Tools would use)' {
        Set-TestProfileFile -Config $regionProfiles

        Get-SigningRegion @{ ProfileName = 'named' } -AccessKey AKIDTESTNAMED | Should -Be 'eu-west-3'
    }

    It 'falls back to the default profile''s region when the profile in use has none' {
        Set-TestProfileFile -Config $regionProfiles

        Get-SigningRegion @{ ProfileName = 'noregion' } -AccessKey AKIDTESTNOREGION | Should -Be 'ap-southeast-2'
    }

    It 'takes the region of the profile behind AWS.Tools'' $StoredAWSCredentials' {
        Set-TestProfileFile -Config $regionProfiles
        $null = Get-IRJobStep nightly-resnet50 -First 1 -Region us-east-1   # loads the module's SDK, for Get-OwnAwsCredential
        Reset-IRStepsEmulator $emulator
        $StoredAWSCredentials = New-StoredAWSCredential -Credentials (Get-OwnAwsCredential -AccessKey AKIDTESTWRAPPED) -Name 'named' -Source Profile

        Get-SigningRegion | Should -Be 'eu-west-3'
        @(Get-SignedRequest $emulator)[0].AccessKey | Should -Be 'AKIDTESTWRAPPED'
    }

    It 'takes an AWS.Tools AWSRegion object for -Region (it prints as its system name) and binds Region by property name' {
        Set-TestProfileFile -Config $regionProfiles
        Get-SigningRegion @{ Region = (New-AWSRegionObject ap-northeast-3 'Asia Pacific (Osaka)') } | Should -Be 'ap-northeast-3'
        Reset-IRStepsEmulator $emulator
        [pscustomobject]@{ JobName = 'nightly-resnet50'; Region = 'me-central-1' } | Get-IRJobStep -First 1 | Out-Null
        @(Get-SignedRequest $emulator)[0].Region | Should -Be 'me-central-1'
    }

    It 'says in -Verbose where the region came from' {
        Set-TestProfileFile -Config $regionProfiles

        $verbose = Get-IRJobStep nightly-resnet50 -First 1 -ProfileName named -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Contain "IRSteps region eu-west-3 from profile 'named'"
    }
}

Describe 'When no region is found' {
    BeforeEach { Reset-RegionTest }

    It 'stops with NoRegion, listing what was tried and how to fix it, and sends nothing' {
        Set-TestProfileFile -Credentials "[default]`n$(Get-TestKeyLine AKIDTESTDEFAULT)"

        $failure = { 'nightly-resnet50', 'nightly-bert-base' | Get-IRJobStep } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'NoRegion,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $message = $failure.Exception.Message
        $message | Should -BeLike 'No region specified or obtained from persisted/shell defaults.*'
        foreach ($tried in '-Region', '$StoredAWSRegion', 'AWS_REGION', 'AWS_DEFAULT_REGION', "the 'default' profile", 'AWS_EC2_METADATA_DISABLED is true') {
            $message | Should -BeLike "*$tried*"
        }
        foreach ($fix in '-Region us-east-1', 'Set-DefaultAWSRegion', '$env:AWS_REGION', "region = us-east-1", $env:AWS_CONFIG_FILE) {
            $message | Should -BeLike "*$fix*"
        }
        @(Get-EmulatorCall $emulator).Count | Should -Be 0
    }

    It 'refuses a region that is not a region name, naming where it came from' {
        $env:AWS_ACCESS_KEY_ID = 'AKIDTESTENV'; $env:AWS_SECRET_ACCESS_KEY = Get-IRStepsEmulatorSecret 'AKIDTESTENV'
        $env:AWS_REGION = 'US East (N. Virginia)'

        $failure = { Get-IRJobStep nightly-resnet50 } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidRegion,*'
        $failure.Exception.Message | Should -BeLike "*'US East (N. Virginia)'*AWS_REGION*"
        @(Get-EmulatorCall $emulator).Count | Should -Be 0
    }
}
