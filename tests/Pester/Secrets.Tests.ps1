# No secret key, session token or request signature may appear anywhere a user, a transcript or a log
# can see: any of the six streams, error records with their exceptions and inner exceptions, $Error, or
# the AWS SDK's own log. Every exported cmdlet (Get-Command -Module IRSteps) runs succeeding and failing
# (wrong secret, unknown profile, throttled, malformed answer) with -Verbose -Debug.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # Every cmdlet that calls AWS (the emulator's cmdlets take no credentials: tests/Emulator.Tests.ps1 covers them).
    $cmdletNames = @(Get-Command -Module IRSteps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('AccessKey') } | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll

    $unique = [Guid]::NewGuid().ToString('N').Substring(0, 12)
    $keys = @{
        EnvAccessKey     = 'AKIDTESTSECRETSENV'
        ParamAccessKey   = 'AKIDTESTSECRETSPARAM'
        ProfileAccessKey = 'AKIDTESTSECRETSPROF'
    }
    $secrets = [ordered]@{
        'environment secret key' = Get-IRStepsEmulatorSecret $keys.EnvAccessKey
        'parameter secret key'   = Get-IRStepsEmulatorSecret $keys.ParamAccessKey
        'profile secret key'     = Get-IRStepsEmulatorSecret $keys.ProfileAccessKey
        'wrong secret key'       = "WrongSecret/$unique+Zz9"
        'environment token'      = "EnvSessionToken/$unique+Yy8="
        'parameter token'        = "ParamSessionToken/$unique+Xx7="
        'profile token'          = "ProfileSessionToken/$unique+Ww6="
    }
    $profileFile = Join-Path ([IO.Path]::GetTempPath()) "irsteps-secrets-$unique"
    Set-Content -Path $profileFile -Value @"
[secrets]
aws_access_key_id = $($keys.ProfileAccessKey)
aws_secret_access_key = $($secrets['profile secret key'])
aws_session_token = $($secrets['profile token'])
"@

    function Set-EmulatorEnvironment {
        $null = Reset-TestAwsEnvironment
        Use-EmulatorCredential $emulator -AccessKey $keys.EnvAccessKey
        $env:AWS_SESSION_TOKEN = $secrets['environment token']
        $env:AWS_MAX_ATTEMPTS = '2'   # the throttled and malformed runs give up sooner; nothing else changes
    }
    Set-EmulatorEnvironment

    # One runspace for every run, so that $Error collects them all, as in a user's session.
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $runspace.SessionStateProxy.SetVariable('ModuleManifest', $ModuleManifest)
    $loader = [powershell]::Create()
    $loader.Runspace = $runspace
    $null = $loader.AddScript('Import-Module $ModuleManifest -ErrorAction Stop').Invoke()
    $loader.Dispose()

    $transcript = [System.Text.StringBuilder]::new()
    $sentRequests = [System.Collections.Generic.List[object]]::new()

    function Reset-Emulator {
        # Keeps what the emulator received (session tokens, signatures) before clearing it for the next run.
        foreach ($request in @(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ })) { $sentRequests.Add($request) }
        Reset-IRStepsEmulator $emulator
    }
    $runs = [System.Collections.Generic.List[object]]::new()

    function Add-Text {
        param([string] $Label, $Value)
        if ($null -ne $Value -and "$Value" -ne '') { [void]$transcript.AppendLine("[$Label] $Value") }
    }

    function Add-ExceptionText {
        # An exception and every inner one: ToString() (type, message, stack), Message and Data, each on its own.
        param([string] $Label, [Exception] $Exception)
        Add-Text "$Label ToString" $Exception.ToString()
        for ($current = $Exception; $null -ne $current; $current = $current.InnerException) {
            Add-Text "$Label $($current.GetType().FullName)" $current.Message
            foreach ($key in $current.Data.Keys) { Add-Text "$Label data $key" $current.Data[$key] }
            if ($current -is [AggregateException]) { $current.InnerExceptions | ForEach-Object { Add-ExceptionText "$Label aggregate" $_ } }
            foreach ($property in 'ErrorCode', 'RequestId', 'Operation', 'StatusCode', 'Kind', 'ErrorId') {
                if ($current.PSObject.Properties[$property]) { Add-Text "$Label $property" $current.$property }
            }
        }
    }

    function Add-RecordText {
        param([string] $Label, $Record)
        if ($null -eq $Record) { return }
        $base = if ($Record -is [psobject]) { $Record.PSObject.BaseObject } else { $Record }
        if ($base -is [System.Management.Automation.ErrorRecord]) {
            Add-Text "$Label error" $base.ToString()
            Add-Text "$Label error id" $base.FullyQualifiedErrorId
            Add-Text "$Label category" $base.CategoryInfo.ToString()
            Add-Text "$Label target" ($base.TargetObject | Out-String)
            if ($base.ErrorDetails) {
                Add-Text "$Label details" $base.ErrorDetails.Message
                Add-Text "$Label action" $base.ErrorDetails.RecommendedAction
            }
            if ($base.InvocationInfo) { Add-Text "$Label position" $base.InvocationInfo.PositionMessage }
            Add-Text "$Label script stack" $base.ScriptStackTrace
            Add-ExceptionText "$Label exception" $base.Exception
        }
        elseif ($base -is [System.Management.Automation.InformationalRecord]) {
            Add-Text "$Label $($base.GetType().Name)" $base.Message
        }
        elseif ($base -is [System.Management.Automation.InformationRecord]) {
            Add-Text "$Label information" ($base.MessageData | Out-String)
        }
        elseif ($base -is [System.Management.Automation.ProgressRecord]) {
            Add-Text "$Label progress" "$($base.Activity) | $($base.StatusDescription) | $($base.CurrentOperation)"
        }
        elseif ($base.GetType().Namespace -like 'IRSteps*') {
            Add-Text "$Label object" ($Record | Out-String -Width 400)
            Add-Text "$Label json" ($Record | ConvertTo-Json -Depth 8 -Compress -WarningAction SilentlyContinue)
        }
        else {
            Add-Text "$Label $($base.GetType().FullName)" ($Record | Out-String -Width 400)
        }
    }

    function Invoke-Run {
        <#
        Runs one command in the shared runspace with -Verbose -Debug, collects all six streams and a terminating
        error if any, and stops the command if it has not finished within the time allowed.
        #>
        param([Parameter(Mandatory)] [string] $Scenario, [Parameter(Mandatory)] [string] $Name, [hashtable] $Parameters = @{})
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        $null = $shell.AddCommand($Name)
        foreach ($entry in $Parameters.GetEnumerator()) { $null = $shell.AddParameter($entry.Key, $entry.Value) }
        $null = $shell.AddParameter('Verbose').AddParameter('Debug')
        if ((Get-Command -Module IRSteps -Name $Name).Parameters.ContainsKey('Confirm')) { $null = $shell.AddParameter('Confirm', $false) }

        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $terminating = $null
        $async = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]$null, $output)
        $finished = $async.AsyncWaitHandle.WaitOne(30000)
        if (-not $finished) { $shell.Stop() }
        try { $shell.EndInvoke($async) | Out-Null }
        catch { $terminating = $_.Exception.InnerException.ErrorRecord; if (-not $terminating) { $terminating = $_ } }

        $label = "$Scenario/$Name"
        foreach ($item in $output) { Add-RecordText "$label output" $item }
        foreach ($stream in 'Error', 'Warning', 'Verbose', 'Debug', 'Information', 'Progress') {
            foreach ($record in $shell.Streams.$stream) { Add-RecordText "$label $stream" $record }
        }
        if ($terminating) { Add-RecordText "$label terminating" $terminating }

        $run = [pscustomobject]@{
            Scenario = $Scenario
            Name     = $Name
            Finished = $finished
            Output   = @($output)
            Errors   = @(@($shell.Streams.Error) + @($terminating) | Where-Object { $_ })
            Verbose  = @($shell.Streams.Verbose)
            Debug    = @($shell.Streams.Debug)
        }
        $runs.Add($run)
        $shell.Dispose()
        $run
    }

    function Get-JobArgument {
        # A job a cmdlet can act on: one still running for those that change something (Stop-IRJob), a finished one otherwise.
        param([string] $Name)
        $command = Get-Command -Module IRSteps -Name $Name
        $arguments = @{}
        # A command that waits is given a short time limit, so that a failing scenario ends quickly.
        if ($command.Parameters.ContainsKey('Timeout')) { $arguments.Timeout = 10 }
        if (-not $command.Parameters.ContainsKey('JobName')) { return $arguments }
        if ($command.Parameters.ContainsKey('WhatIf')) {
            $jobName = "secrets-$([Guid]::NewGuid().ToString('N').Substring(0, 8))"
            New-IRStepsEmulatorJob $emulator -JobName $jobName -Steps 2 -PhaseMs 600000
            $arguments.JobName = $jobName
        }
        else {
            $arguments.JobName = 'nightly-resnet50'
        }
        $arguments
    }

    function Test-RunsBare {
        # True when the cmdlet has a parameter set it can run in with no parameter at all (e.g. Get-IRJob lists).
        param([string] $Name)
        $command = Get-Command -Module IRSteps -Name $Name
        [bool]($command.ParameterSets | Where-Object { -not ($_.Parameters | Where-Object IsMandatory) })
    }

    function Find-Secret {
        # Every secret (raw, URL-encoded, JSON-escaped) and every signature the emulator received, found in the text;
        # unless -ExactOnly, also anything shaped like a signature (64 hex digits: in the SDK's log, payload hashes are).
        param([string] $Text, [switch] $ExactOnly)
        $found = [System.Collections.Generic.List[string]]::new()
        foreach ($entry in $secrets.GetEnumerator()) {
            $forms = @($entry.Value, [uri]::EscapeDataString($entry.Value), ($entry.Value -replace '\+', '\u002B' -replace '/', '\/'), ($entry.Value -replace '\+', '\u002b'))
            foreach ($form in $forms | Select-Object -Unique) {
                if ($Text.Contains($form)) { $found.Add("$($entry.Key) ($form)") }
            }
        }
        foreach ($signature in @($sentRequests | ForEach-Object Signature | Where-Object { $_ } | Select-Object -Unique)) {
            if ($Text.Contains($signature)) { $found.Add("a request signature ($signature)") }
        }
        if (-not $ExactOnly) {
            foreach ($match in [regex]::Matches($Text, '(?i)\b[0-9a-f]{64}\b')) { $found.Add("something shaped like a signature ($($match.Value))") }
            foreach ($match in [regex]::Matches($Text, 'Signature=[^*\s,]+')) { $found.Add("a signature field ($($match.Value))") }
        }
        , $found
    }
}

AfterAll {
    if ($runspace) { $runspace.Dispose() }
    Remove-Item -Force -ErrorAction Ignore $profileFile
    Remove-Item Env:AWS_MAX_ATTEMPTS, Env:AWS_SESSION_TOKEN -ErrorAction Ignore
    Stop-IRStepsEmulator $emulator
}

Describe 'Secrets never show' {
    BeforeAll {
        # Turn on the AWS SDK's own log (the module's private copy of AWSSDK.Core) at its most talkative, into
        # a string, before any SDK client exists: loggers are bound when a client is built. A first call that
        # fails before any SageMaker client is built loads the module's client (IRSteps.Client).
        $null = Invoke-Run -Scenario 'load' -Name 'Get-IRJobStep' -Parameters @{ JobName = 'nightly-resnet50'; ProfileName = 'no-such-profile-irsteps' }
        $clientAssembly = [System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object { $_.Assemblies } |
            Where-Object { $_.GetName().Name -eq 'IRSteps.Client' } | Select-Object -First 1
        $core = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($clientAssembly).Assemblies |
            Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | Select-Object -First 1
        $awsConfigs = $core.GetType('Amazon.AWSConfigs')
        $sdkLogging = $awsConfigs.GetProperty('LoggingConfig').GetValue($null)
        $sdkLoggingBefore = [pscustomobject]@{ LogTo = "$($sdkLogging.LogTo)"; LogResponses = "$($sdkLogging.LogResponses)"; LogMetrics = $sdkLogging.LogMetrics }
        $sdkLogText = [System.IO.StringWriter]::new()
        $sdkListener = [System.Diagnostics.TextWriterTraceListener]::new($sdkLogText, 'irsteps-secrets')
        # Sources are named after the logging type: Amazon.* for the SDK's own, IRSteps.* for our client's pipeline.
        foreach ($source in 'Amazon', 'IRSteps') { $null = $awsConfigs.GetMethod('AddTraceListener').Invoke($null, @($source, $sdkListener)) }
        $sdkLogging.LogTo = 'SystemDiagnostics'
        $sdkLogging.LogResponses = 'Always'
        $sdkLogging.LogMetrics = $true

        foreach ($name in (Get-Command -Module IRSteps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('AccessKey') }).Name) {
            Set-EmulatorEnvironment
            Reset-Emulator
            $job = Get-JobArgument $name
            $null = Invoke-Run 'success, environment keys and token' $name $job
            if (Test-RunsBare $name) { $null = Invoke-Run 'success, no parameters' $name @{} }
            $null = Invoke-Run 'success, key parameters and token' $name ($job + @{ AccessKey = $keys.ParamAccessKey; SecretKey = $secrets['parameter secret key']; SessionToken = $secrets['parameter token'] })
            $job = Get-JobArgument $name
            $null = Invoke-Run 'success, profile with token' $name ($job + @{ ProfileName = 'secrets'; ProfileLocation = $profileFile })
            $null = Invoke-Run 'wrong secret' $name ($job + @{ AccessKey = $keys.ParamAccessKey; SecretKey = $secrets['wrong secret key']; SessionToken = $secrets['parameter token'] })
            $null = Invoke-Run 'unknown profile' $name ($job + @{ ProfileName = 'no-such-profile-irsteps' })
            Add-IRStepsEmulatorFault $emulator -Kind Throttle -Times 50
            $null = Invoke-Run 'throttled' $name $job
            Reset-Emulator
            Add-IRStepsEmulatorFault $emulator -Kind MalformedJson -Times 50
            $null = Invoke-Run 'malformed answer' $name $job
            Reset-Emulator
            Add-IRStepsEmulatorFault $emulator -Kind Html502 -Times 50
            $null = Invoke-Run 'proxy error page' $name $job
            Reset-Emulator
        }

        # $Error of the session the runs shared.
        $sessionErrors = [System.Collections.Generic.List[object]]::new()
        foreach ($record in $runspace.SessionStateProxy.GetVariable('Error')) { $sessionErrors.Add($record) }
        foreach ($record in $sessionErrors) { Add-RecordText '$Error' $record }

        $sdkListener.Flush()
        if ($env:IRSTEPS_SECRETS_DUMP) { $sdkLogText.ToString() | Set-Content "$env:IRSTEPS_SECRETS_DUMP.sdk.txt"; $transcript.ToString() | Set-Content "$env:IRSTEPS_SECRETS_DUMP.transcript.txt" }
        foreach ($source in 'Amazon', 'IRSteps') { $null = $awsConfigs.GetMethod('RemoveTraceListener').Invoke($null, @($source, 'irsteps-secrets')) }
        $sdkLogging.LogTo = 'None'
        $sdkLogging.LogResponses = 'Never'
        $sdkLogging.LogMetrics = $false
        Set-EmulatorEnvironment
    }

    It 'ran every exported cmdlet in every scenario: <_>' -ForEach $cmdletNames {
        $mine = @($runs | Where-Object Name -eq $_)
        $mine.Scenario | Should -Contain 'success, environment keys and token'
        $mine.Scenario | Should -Contain 'wrong secret'
        $mine.Scenario | Should -Contain 'unknown profile'
        $mine.Scenario | Should -Contain 'throttled'
        $mine.Scenario | Should -Contain 'malformed answer'
        ($mine | Where-Object Scenario -like 'success*' | Where-Object { $_.Errors.Count -eq 0 }).Count | Should -BeGreaterThan 0 -Because 'it succeeded at least once'
        ($mine | Where-Object { $_.Scenario -notlike 'success*' } | Where-Object { $_.Errors.Count -gt 0 }).Count | Should -BeGreaterOrEqual 4 -Because 'each failing scenario failed'
        ($mine | Where-Object Scenario -like 'success*').Verbose.Count | Should -BeGreaterThan 0 -Because '-Verbose wrote something'
    }

    It 'failed for the reason each scenario sets up (Get-IRJobStep)' {
        $byScenario = @{}
        $runs | Where-Object Name -eq 'Get-IRJobStep' | ForEach-Object { $byScenario[$_.Scenario] = $_ }
        $byScenario['success, environment keys and token'].Output.Count | Should -Be 8
        $byScenario['success, key parameters and token'].Output.Count | Should -Be 8
        $byScenario['success, profile with token'].Output.Count | Should -Be 8
        $byScenario['wrong secret'].Errors[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $byScenario['unknown profile'].Errors[0].FullyQualifiedErrorId | Should -BeLike 'ProfileNotFound,*'
        $byScenario['throttled'].Errors[0].FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
        $byScenario['malformed answer'].Errors[0].FullyQualifiedErrorId | Should -BeLike 'MalformedResponse,*'
        $byScenario['proxy error page'].Errors[0].FullyQualifiedErrorId | Should -BeLike 'ServiceUnavailable,*'
        $byScenario['throttled'].Verbose.Message -match 'retry 1 of 1' | Should -Not -BeNullOrEmpty -Because 'the retry was reported'
    }

    It 'sent the secrets it must not show: the requests carried the session tokens and were signed' {
        $requests = @($sentRequests)
        $requests.Count | Should -BeGreaterThan 0
        $requests.SessionToken | Should -Contain $secrets['environment token']
        $requests.SessionToken | Should -Contain $secrets['parameter token']
        $requests.SessionToken | Should -Contain $secrets['profile token']
        @($requests | Where-Object Signature).Count | Should -Be $requests.Count
    }

    It 'shows no secret key, session token or signature in any stream, error record, exception or $Error' {
        $text = $transcript.ToString()
        $text.Length | Should -BeGreaterThan 10000 -Because 'the runs wrote a good deal'
        $text | Should -Match 'InvalidSignatureException' -Because 'the wrong-secret answers are in the record'
        $sessionErrors.Count | Should -BeGreaterThan 0

        $found = Find-Secret $text
        $found | Should -BeNullOrEmpty
    }

    It 'keeps the AWS SDK''s own log free of them too, and left it off as it found it' {
        $sdkLoggingBefore.LogTo | Should -Be 'None'
        $sdkLoggingBefore.LogResponses | Should -Be 'Never'
        $log = $sdkLogText.ToString()
        $log | Should -Match 'making request .* Attempting retry 1 of 1' -Because 'the SDK logged its retries'
        $log | Should -Match 'Received error response: .*InvalidSignatureException' -Because 'the SDK logged the failures'
        $log | Should -Match 'Received response .*"Steps":' -Because 'the SDK logged the answers'

        $found = Find-Secret $log -ExactOnly
        $found | Should -BeNullOrEmpty
    }
}

Describe '-EndpointUrl over plain http' {
    BeforeEach {
        Set-EmulatorEnvironment
        Reset-IRStepsEmulator $emulator
    }

    It 'warns, before anything is resolved or sent, when the host is not this machine (<_>)' -ForEach @('http://example.invalid/', 'http://user:PassInUrl@example.invalid:8080/x') {
        # -AccessKey without -SecretKey fails in resolution, after the warning and before any request:
        # nothing leaves the machine, not even a DNS query for the .invalid name.
        $warnings = $null
        $thrown = $null
        try { Get-IRJobStep nightly-resnet50 -EndpointUrl $_ -AccessKey AKIDTESTONLY -WarningVariable warnings -WarningAction SilentlyContinue }
        catch { $thrown = $_ }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match "plain http to 'example.invalid', which is not this machine"
        $warnings[0].Message | Should -Match 'session token'
        $warnings[0].Message | Should -Not -Match 'PassInUrl'
        @(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ }).Count | Should -Be 0
    }

    It 'does not warn for https, nor for http to this machine (the emulator on 127.0.0.1)' {
        $warnings = $null
        $steps = Get-IRJobStep legacy-no-endpoint -EndpointUrl $emulator.Url -WarningVariable warnings
        $steps.Count | Should -Be 4
        $warnings | Should -BeNullOrEmpty

        $thrown = $null
        try { Get-IRJobStep nightly-resnet50 -EndpointUrl 'https://example.invalid/' -AccessKey AKIDTESTONLY -WarningVariable warnings } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        $warnings | Should -BeNullOrEmpty
    }
}
