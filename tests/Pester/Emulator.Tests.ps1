# The emulator as a user has it: Start-IREmulator in this process (no child process, no .NET SDK), jobs and faults
# added with the module's own objects, the requests it saw; what Import-Module loads and what a session keeps.
# The tests' out-of-process host (tests/Emulator) and its PowerShell helpers are checked at the end.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $null = Reset-TestAwsEnvironment
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $started = [System.Collections.Generic.List[object]]::new()

    function Start-TestEmulator {
        # Start-IREmulator, remembered so that AfterAll stops whatever a failed test left running.
        param([switch] $NoSampleJobs)
        $emulator = Start-IREmulator -NoSampleJobs:$NoSampleJobs
        $started.Add($emulator)
        $emulator
    }

    function New-TestStep {
        # A finished benchmark with its metrics and the existing endpoint's, as a user builds one.
        param([string] $InstanceType = 'ml.c5.xlarge', [int] $Latency = 38, [string] $Status = 'COMPLETED')
        [IRSteps.Model.InferenceRecommendationsJobStep]@{
            StepType           = 'BENCHMARK'
            Status             = $Status
            InferenceBenchmark = @{
                Metrics               = @{ CostPerHour = 0.204; CostPerInference = 0.00000234; MaxInvocations = 1450; ModelLatency = $Latency; CpuUtilization = [double]::NaN }
                EndpointMetrics       = @{ MaxInvocations = 1180; ModelLatency = 52 }
                EndpointConfiguration = @{ InstanceType = $InstanceType; InitialInstanceCount = 1 }
                ModelConfiguration    = @{ EnvironmentParameters = @(@{ Key = 'OMP_NUM_THREADS'; ValueType = 'String'; Value = '2' }) }
                InvocationStartTime   = [datetime]::new(2024, 11, 28, 10, 0, 0, [DateTimeKind]::Utc)
            }
        }
    }

    function Test-PortOpen([int] $Port) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $Port); $true } catch { $false } finally { $client.Dispose() }
    }
}

AfterAll {
    $started | Stop-IREmulator
}

Describe 'Import-Module IRSteps' {
    It 'loads no emulator code; the first Start-IREmulator loads it in a load context of its own, sharing the model types' {
        $run = Invoke-ChildPwsh -NonInteractive -Script @"
`$ErrorActionPreference = 'Stop'
function Get-Loaded { @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'IRSteps.Emulator', 'AWSSDK.Core' } | ForEach-Object { `$_.GetName().Name }) -join ',' }
Import-Module '$ModuleManifest'
'AtImport ' + (Get-Loaded)
`$emulator = Start-IREmulator
'AfterStart ' + (Get-Loaded)
`$assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'IRSteps.Emulator' }
'Context ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).GetType().Name
'Location ' + `$assembly.Location
`$connection = `$emulator.Connection
`$step = Get-IRJobStep nightly-resnet50 @connection -First 1
'Typed ' + (`$step -is [IRSteps.Model.InferenceRecommendationsJobStep])
Stop-IREmulator `$emulator
"@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain 'AtImport '
        $run.Output | Should -Contain 'AfterStart IRSteps.Emulator'
        $run.Output | Should -Contain 'Context LibLoadContext'
        $run.Output | Should -Contain ('Location ' + (Join-Path (Split-Path $ModuleManifest) 'lib/IRSteps.Emulator.dll'))
        $run.Output | Should -Contain 'Typed True'
    }

    It 'ships an emulator whose every reference lib/ or the runtime satisfies, at least at the version asked (Windows PowerShell''s loader rule)' {
        $lib = Join-Path (Split-Path $ModuleManifest) 'lib'
        $stream = [IO.File]::OpenRead((Join-Path $lib 'IRSteps.Emulator.dll'))
        try {
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
            $references = @(foreach ($handle in $reader.AssemblyReferences) {
                    $reference = $reader.GetAssemblyReference($handle)
                    [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
                })
        }
        finally {
            $stream.Dispose()
        }

        $references.Name | Should -Contain 'System.Text.Json'
        foreach ($reference in $references) {
            if ($reference.Name -in 'netstandard', 'IRSteps') { continue }
            $shipped = Join-Path $lib "$($reference.Name).dll"
            $shipped | Should -Exist -Because "$($reference.Name) $($reference.Version) must ship in lib/ (Windows PowerShell has no runtime copy)"
            [Reflection.AssemblyName]::GetAssemblyName($shipped).Version | Should -BeGreaterOrEqual $reference.Version
        }
        @(Get-ChildItem $lib -Filter 'System.Text.Json*.dll').Count | Should -Be 1 -Because 'one copy of System.Text.Json ships'
    }
}

Describe 'Start-IREmulator' {
    It 'returns the endpoint, region, a key pair of its own and Connection, ready to splat' {
        $emulator = Start-TestEmulator

        $emulator | Should -BeOfType ([IRSteps.Emulation.SageMakerEmulator])
        $emulator.EndpointUrl | Should -Match '^http://127\.0\.0\.1:\d+$'
        $emulator.Port | Should -BeGreaterThan 0
        $emulator.Region | Should -Be 'us-east-1'
        $emulator.AccessKey | Should -Match '^AKIAEMU[A-Z2-7]{13}$'
        $emulator.SecretKey.Length | Should -Be 40
        $emulator.IsRunning | Should -BeTrue
        $emulator.Connection.Keys | Sort-Object | Should -Be @('AccessKey', 'EndpointUrl', 'Region', 'SecretKey')
        $connection = $emulator.Connection
        @(Get-IRJobStep nightly-resnet50 @connection).Count | Should -Be 8
    }

    It 'leaves the secret key out of its default view and out of -Verbose' {
        $verbose = Start-IREmulator -Verbose 4>&1
        $emulator = @($verbose | Where-Object { $_ -is [IRSteps.Emulation.SageMakerEmulator] })[0]
        $started.Add($emulator)

        ($emulator | Out-String) | Should -Not -Match ([regex]::Escape($emulator.SecretKey))
        ($emulator | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($emulator.SecretKey))
        ($emulator | Out-String) | Should -Match ([regex]::Escape($emulator.EndpointUrl))
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'listening on http://127\.0\.0\.1'
        ($verbose | Out-String) | Should -Not -Match ([regex]::Escape($emulator.SecretKey))
    }

    It 'verifies signatures with its own key pair: other credentials fail as they would against AWS' {
        $emulator = Start-TestEmulator
        $connection = $emulator.Connection

        Get-IRJobStep nightly-resnet50 @connection -SecretKey 'not-its-secret' -ErrorVariable wrongSecret -ErrorAction SilentlyContinue
        Get-IRJobStep nightly-resnet50 -EndpointUrl $emulator.EndpointUrl -Region us-east-1 -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' -ErrorVariable otherKey -ErrorAction SilentlyContinue
        $otherEmulator = Start-TestEmulator
        $other = $otherEmulator.Connection
        $other.EndpointUrl = $emulator.EndpointUrl
        Get-IRJobStep nightly-resnet50 @other -ErrorVariable otherEmulatorsKey -ErrorAction SilentlyContinue

        foreach ($errors in $wrongSecret, $otherKey, $otherEmulatorsKey) {
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        }
        (Get-IREmulatorRequest $emulator).AccessKey | Should -Be @($emulator.AccessKey, 'AKIAIOSFODNN7EXAMPLE', $otherEmulator.AccessKey)
    }

    It 'runs several at once, each with its own jobs, keys and log' {
        $first = Start-TestEmulator -NoSampleJobs
        $second = Start-TestEmulator -NoSampleJobs
        Add-IREmulatorJob $first -JobName only-in-first

        $first.Port | Should -Not -Be $second.Port
        $first.AccessKey | Should -Not -Be $second.AccessKey
        $one = $first.Connection
        $two = $second.Connection
        (Get-IRJob @one).JobName | Should -Be 'only-in-first'
        Get-IRJob @two | Should -BeNullOrEmpty
        @(Get-IREmulatorRequest $first).Count | Should -Be 1
        @(Get-IREmulatorRequest $second).Count | Should -Be 1
    }

    It 'listens on the -Port asked for, and refuses a port already taken with EmulatorStartFailed' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port

        $thrown = { Start-IREmulator -Port $port } | Should -Throw -ErrorId 'EmulatorStartFailed,IRSteps.Commands.StartIREmulatorCommand' -PassThru
        $probe.Stop()
        $emulator = Start-IREmulator -Port $port
        $started.Add($emulator)

        $thrown.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $thrown.Exception.Message | Should -Match "127\.0\.0\.1:$port.*Use another -Port"
        $emulator.EndpointUrl | Should -Be "http://127.0.0.1:$port"
    }

    It 'starts with no job at all with -NoSampleJobs' {
        $emulator = Start-TestEmulator -NoSampleJobs
        $connection = $emulator.Connection

        Get-IRJob @connection | Should -BeNullOrEmpty
        Get-IRJobStep nightly-resnet50 @connection -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'JobNotFound,*'
    }
}

Describe 'Stop-IREmulator' {
    It 'stops emulators from the pipeline and frees their ports; stopping again does nothing' {
        $emulators = @(Start-TestEmulator; Start-TestEmulator)
        $emulators | ForEach-Object { Test-PortOpen $_.Port } | Should -Be @($true, $true)

        $emulators | Stop-IREmulator
        Stop-IREmulator $emulators[0]

        $emulators.IsRunning | Should -Be @($false, $false)
        $emulators | ForEach-Object { Test-PortOpen $_.Port } | Should -Be @($false, $false)
        (Get-IREmulatorRequest $emulators[0]) | Should -BeNullOrEmpty -Because 'a stopped emulator''s log can still be read'
    }

    It 'leaves a stopped emulator unusable with EmulatorStopped' {
        $emulator = Start-TestEmulator
        Stop-IREmulator $emulator

        $thrown = { Add-IREmulatorJob $emulator -JobName late } | Should -Throw -ErrorId 'EmulatorStopped,IRSteps.Commands.AddIREmulatorJobCommand' -PassThru
        { Add-IREmulatorFault $emulator -Kind Throttle } | Should -Throw -ErrorId 'EmulatorStopped,IRSteps.Commands.AddIREmulatorFaultCommand'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $thrown.Exception.Message | Should -Match 'has been stopped.*Start-IREmulator'
    }
}

Describe 'Add-IREmulatorJob' {
    BeforeAll {
        $emulator = Start-TestEmulator -NoSampleJobs
        $connection = $emulator.Connection
    }

    It 'serves the steps given, with their metrics and the existing endpoint''s, as the job''s' {
        Add-IREmulatorJob $emulator -JobName built -Step (New-TestStep), (New-TestStep -InstanceType ml.c6i.xlarge -Latency 20)

        $steps = @(Get-IRJobStep built @connection)

        $steps.Count | Should -Be 2
        $steps.JobName | Should -Be @('built', 'built')
        $steps.InstanceType | Should -Be @('ml.c5.xlarge', 'ml.c6i.xlarge')
        $steps.EndpointModelLatency | Should -Be @(52, 52)
        $steps[1].LatencyVsEndpoint | Should -Be (20 / 52)
        $steps[0].CostPerInference | Should -Be 0.00000234
        [double]::IsNaN($steps[0].CpuUtilization) | Should -BeTrue
        $steps[0].MemoryUtilization | Should -BeNullOrEmpty
        $steps[0].InferenceBenchmark.InvocationStartTime | Should -Be ([datetime]::new(2024, 11, 28, 10, 0, 0, [DateTimeKind]::Utc))
        $steps[0].InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value | Should -Be '2'
        (Get-IRJob built @connection).Status | Should -Be 'COMPLETED'
    }

    It 'takes steps read back from Export-Clixml, ConvertTo-Json and hashtables, and from the pipeline' {
        $original = @(New-TestStep; New-TestStep -InstanceType ml.g5.xlarge -Status FAILED)
        $file = Join-Path $TestDrive 'steps.xml'
        $original | Export-Clixml $file
        $fromXml = Import-Clixml $file
        $fromJson = $original | ConvertTo-Json -Depth 6 | ConvertFrom-Json
        $fromHashtable = @{ Status = 'COMPLETED'; InferenceBenchmark = @{ Metrics = @{ ModelLatency = 7 }; EndpointConfiguration = @{ InstanceType = 'ml.inf2.xlarge' } } }

        $fromXml[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.IRSteps.Model.InferenceRecommendationsJobStep'
        Add-IREmulatorJob $emulator -JobName from-xml -Step $fromXml
        Add-IREmulatorJob $emulator -JobName from-json -Step $fromJson
        Add-IREmulatorJob $emulator -JobName from-hashtable -Step $fromHashtable
        $fromXml | Add-IREmulatorJob $emulator -JobName from-pipeline

        foreach ($job in 'from-xml', 'from-json', 'from-pipeline') {
            $steps = @(Get-IRJobStep $job @connection)
            $steps.InstanceType | Should -Be @('ml.c5.xlarge', 'ml.g5.xlarge') -Because $job
            $steps.Status | Should -Be @('COMPLETED', 'FAILED') -Because $job
            $steps[0].EndpointModelLatency | Should -Be 52 -Because $job
            $steps[0].CostPerInference | Should -Be 0.00000234 -Because $job
            $steps[0].InferenceBenchmark.InvocationStartTime | Should -Be ([datetime]::new(2024, 11, 28, 10, 0, 0, [DateTimeKind]::Utc)) -Because $job
            $steps[0].InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Key | Should -Be 'OMP_NUM_THREADS' -Because $job
        }
        (Get-IRJobStep from-hashtable @connection).InstanceType | Should -Be 'ml.inf2.xlarge'
        (Get-IRJobStep from-hashtable @connection).ModelLatency | Should -Be 7
    }

    It 'replaces a job of the same name, a sample job too' {
        $samples = Start-TestEmulator
        $sampleConnection = $samples.Connection
        Add-IREmulatorJob $samples -JobName nightly-resnet50 -Step (New-TestStep) -Status FAILED -FailureReason 'mine now'

        @(Get-IRJobStep nightly-resnet50 @sampleConnection).Count | Should -Be 1
        (Get-IRJob nightly-resnet50 @sampleConnection).FailureReason | Should -Be 'mine now'
        @(Get-IRJob -NameContain nightly-resnet50 @sampleConnection).Count | Should -Be 1
    }

    It 'moves -StatusSequence one status per Describe, so that Wait-IRJob waits for it' {
        Add-IREmulatorJob $emulator -JobName sequenced -Step (New-TestStep) -StatusSequence PENDING, IN_PROGRESS, COMPLETED

        $job = Wait-IRJob sequenced @connection -PollInterval 0.1

        $job.Status | Should -Be 'COMPLETED'
        @(Get-IREmulatorRequest $emulator | Where-Object { $_.Operation -eq 'DescribeInferenceRecommendationsJob' -and $_.JobName -eq 'sequenced' }).Count | Should -Be 3
    }

    It 'reports -FailureReason when the job ends FAILED, and Wait-IRJob reports it as JobFailed' {
        Add-IREmulatorJob $emulator -JobName failing -StatusSequence IN_PROGRESS, FAILED -FailureReason 'No capacity for ml.g5.xlarge.'

        $job = Wait-IRJob failing @connection -PollInterval 0.1 -ErrorVariable failed -ErrorAction SilentlyContinue

        $job.Status | Should -Be 'FAILED'
        $job.FailureReason | Should -Be 'No capacity for ml.g5.xlarge.'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'JobFailed,*'
    }

    It 'lets Stop-IRJob move a running job to STOPPING, then STOPPED, its unfinished steps with it' {
        Add-IREmulatorJob $emulator -JobName running -Status IN_PROGRESS -Step (New-TestStep), (New-TestStep -Status IN_PROGRESS)

        $stopping = Stop-IRJob running @connection -PassThru -Confirm:$false
        $stopped = Wait-IRJob running @connection -PollInterval 0.1
        Stop-IRJob running @connection -Confirm:$false -ErrorVariable again -ErrorAction SilentlyContinue

        $stopping.Status | Should -Be 'STOPPING'
        $stopped.Status | Should -Be 'STOPPED'
        (Get-IRJobStep running @connection).Status | Should -Be @('COMPLETED', 'STOPPED')
        $again[0].FullyQualifiedErrorId | Should -BeLike 'ServiceValidation,*'
        $again[0].Exception.Message | Should -Match 'cannot be stopped because it is in status STOPPED'
    }

    It 'refuses a job name the service would refuse with InvalidJobName, and a status it does not know with InvalidParameter' {
        $badName = { Add-IREmulatorJob $emulator -JobName 'bad name!' } | Should -Throw -ErrorId 'InvalidJobName,IRSteps.Commands.AddIREmulatorJobCommand' -PassThru
        $badStatus = { Add-IREmulatorJob $emulator -JobName ok -StatusSequence PENDING, done } | Should -Throw -ErrorId 'InvalidParameter,IRSteps.Commands.AddIREmulatorJobCommand' -PassThru

        $badName.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $badStatus.Exception.Message | Should -Match "-StatusSequence 'done' is not a job status"
        Get-IRJob -NameContain ok @connection | Should -BeNullOrEmpty
    }

    It 'refuses a step it cannot read, naming the member' {
        $thrown = { Add-IREmulatorJob $emulator -JobName unreadable -Step @{ InferenceBenchmark = @{ Metrics = @{ ModelLatency = 'fast' } } } } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,IRSteps.Commands.AddIREmulatorJobCommand' -PassThru

        $thrown.Exception.Message | Should -Match 'Step\[0\]\.InferenceBenchmark\.Metrics\.ModelLatency'
    }
}

Describe 'Add-IREmulatorFault' {
    BeforeAll {
        $emulator = Start-TestEmulator -NoSampleJobs
        $connection = $emulator.Connection
        Add-IREmulatorJob $emulator -JobName target -Step (New-TestStep)
        Add-IREmulatorJob $emulator -JobName bystander -Step (New-TestStep)
    }

    It 'throttles the next -Count requests of -JobName: the module retries, then reports Throttled' {
        Add-IREmulatorFault $emulator -JobName target -Kind Throttle -Count 3

        Get-IRJobStep bystander @connection | Should -Not -BeNullOrEmpty
        $none = Get-IRJobStep target @connection -ErrorVariable throttled -ErrorAction SilentlyContinue
        $after = Get-IRJobStep target @connection

        $none | Should -BeNullOrEmpty
        $throttled[0].FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
        $throttled[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $after.Count | Should -Be 1
        (Get-IREmulatorRequest $emulator | Where-Object JobName -eq target).Fault | Should -Be @('Throttle', 'Throttle', 'Throttle', $null)
    }

    It 'lets a runbook survive one throttled request: the retry is shown with -Verbose' {
        Add-IREmulatorFault $emulator -Kind Throttle

        $output = Get-IRJobStep target @connection -Verbose 4>&1

        @($output | Where-Object { $_ -is [IRSteps.Model.InferenceRecommendationsJobStep] }).Count | Should -Be 1
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match 'ThrottlingException|throttl' | Should -Not -BeNullOrEmpty
    }

    It 'answers <Kind> as the service would, reported as <ErrorId>' -ForEach @(
        @{ Kind = 'ServiceUnavailable'; ErrorId = 'ServiceUnavailable'; Count = 3; Code = 'ServiceUnavailable' }
        @{ Kind = 'AccessDenied'; ErrorId = 'AccessDenied'; Count = 1; Code = 'AccessDeniedException' }
    ) {
        Add-IREmulatorFault $emulator -Kind $Kind -Count $Count -Operation ListInferenceRecommendationsJobSteps

        Get-IRJobStep target @connection -ErrorVariable failed -ErrorAction SilentlyContinue
        $job = Get-IRJob target @connection

        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $job.JobName | Should -Be 'target' -Because '-Operation kept the fault off DescribeInferenceRecommendationsJob'
        (Get-IREmulatorRequest $emulator | Where-Object Fault -eq $Kind).ErrorCode | Select-Object -Unique | Should -Be $Code
    }

    It 'holds a request for Timeout until the runbook gives up with RequestTimeout, and logs 499' {
        Add-IREmulatorFault $emulator -JobName target -Kind Timeout

        $clock = [Diagnostics.Stopwatch]::StartNew()
        Get-IRJobStep target @connection -TimeoutSec 2 -ErrorVariable timedOut -ErrorAction SilentlyContinue
        $clock.Stop()

        $timedOut[0].FullyQualifiedErrorId | Should -BeLike 'RequestTimeout,*'
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
        $held = { @(Get-IREmulatorRequest $emulator | Where-Object Fault -eq Timeout)[0] }
        $deadline = [DateTime]::UtcNow.AddSeconds(3)
        while ((& $held).StatusCode -ne 499 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        (& $held).StatusCode | Should -Be 499
    }

    It 'refuses a kind it does not offer at binding' {
        { Add-IREmulatorFault $emulator -Kind Meteor } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IRSteps.Commands.AddIREmulatorFaultCommand'
    }
}

Describe 'Get-IREmulatorRequest' {
    It 'lists each request with its operation, job, page token, MaxResults and signing key, oldest first' {
        $emulator = Start-TestEmulator -NoSampleJobs
        $connection = $emulator.Connection
        Add-IREmulatorJob $emulator -JobName paged -Step (1..5 | ForEach-Object { New-TestStep -Latency $_ })

        $null = Get-IRJobStep paged @connection -MaxResult 2
        $null = Get-IRJob paged @connection
        $requests = @(Get-IREmulatorRequest $emulator)

        $requests.Count | Should -Be 4
        $requests[0] | Should -BeOfType ([IRSteps.Emulation.EmulatorRequest])
        $requests.Operation | Should -Be @('ListInferenceRecommendationsJobSteps', 'ListInferenceRecommendationsJobSteps', 'ListInferenceRecommendationsJobSteps', 'DescribeInferenceRecommendationsJob')
        $requests.JobName | Select-Object -Unique | Should -Be 'paged'
        $requests[0].NextToken | Should -BeNullOrEmpty
        $requests[1].NextToken | Should -Not -BeNullOrEmpty
        $requests[2].NextToken | Should -Not -Be $requests[1].NextToken
        $requests[0..2].MaxResults | Should -Be @(2, 2, 2)
        $requests.AccessKey | Select-Object -Unique | Should -Be $emulator.AccessKey
        $requests.StatusCode | Select-Object -Unique | Should -Be 200
        $requests.Region | Select-Object -Unique | Should -Be 'us-east-1'
        $requests[0].Time.Kind | Should -Be 'Utc'
        ($requests | Format-Table | Out-String) | Should -Match 'Operation\s+JobName\s+StatusCode\s+ErrorCode'
    }
}

Describe 'The caller''s session' {
    It 'keeps its strict mode, preference variables and global variables through every emulator cmdlet' {
        $run = Invoke-ChildPwsh -NonInteractive -Script @"
Set-StrictMode -Off
function Get-SessionState {
    `$strict = try { `$null = `$undefinedVariable; 'off' } catch { 'on' }
    `$property = try { `$null = 'text'.NoSuchProperty; 'off' } catch { 'on' }
    `$globals = Get-Variable -Scope Global | Where-Object Name -notin '_', 'args', 'input', 'PSItem', 'MyInvocation', 'PSBoundParameters', 'PSCmdlet', '?', '^', '$', 'LASTEXITCODE', 'Matches', 'StackTrace', 'Error', 'emulator', 'connection', 'before', 'requests', 'steps' |
        ForEach-Object { `$_.Name + '=' + (`$_.Value -as [string]) } | Sort-Object
    "strict `$strict `$property | " + (`$globals -join ';')
}
`$before = Get-SessionState
Import-Module '$ModuleManifest'
`$emulator = Start-IREmulator
`$connection = `$emulator.Connection
Add-IREmulatorJob `$emulator -JobName session -StatusSequence IN_PROGRESS, COMPLETED -Step ([IRSteps.Model.InferenceRecommendationsJobStep]@{ Status = 'COMPLETED' })
Add-IREmulatorFault `$emulator -Kind Throttle -JobName session
`$steps = Get-IRJobStep session @connection
`$null = Wait-IRJob session @connection -PollInterval 0.1
`$requests = Get-IREmulatorRequest `$emulator
Stop-IREmulator `$emulator
Remove-Module IRSteps
`$after = Get-SessionState
'Before ' + `$before
'Same ' + (`$before -eq `$after)
if (`$before -ne `$after) { 'After ' + `$after }
"@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'Before strict off off |*' } | Should -Not -BeNullOrEmpty
        $run.Output | Should -Contain 'Same True' -Because ($run.Output -join "`n")
    }
}

Describe 'The tests'' emulator host (tests/Emulator)' {
    BeforeAll {
        function Start-Host {
            param([string[]] $Arguments = @())
            $psi = [System.Diagnostics.ProcessStartInfo]::new((Get-Process -Id $PID).Path)
            if ([IO.Path]::GetFileNameWithoutExtension($psi.FileName) -ne 'dotnet') { $psi.FileName = 'dotnet' }
            $psi.ArgumentList.Add($EmulatorDll)
            foreach ($argument in $Arguments) { $psi.ArgumentList.Add($argument) }
            $psi.RedirectStandardInput = $true
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $psi.UseShellExecute = $false
            $process = [System.Diagnostics.Process]::Start($psi)
            [pscustomobject]@{ Process = $process; Line = $process.StandardOutput.ReadLine() }
        }
    }

    It 'prints one LISTENING line and exits with 0 on SIGTERM' -Skip:$IsWindows {
        $started = Start-Host

        $started.Line | Should -Match '^IRSTEPS-EMULATOR LISTENING http://127\.0\.0\.1:\d+$'
        & (Get-Command kill -CommandType Application | Select-Object -First 1) -TERM $started.Process.Id
        $exited = $started.Process.WaitForExit(10000)

        $exited | Should -BeTrue -Because 'SIGTERM stops the host'
        $started.Process.ExitCode | Should -Be 0
        $started.Process.StandardOutput.ReadToEnd() | Should -BeNullOrEmpty -Because 'nothing is printed but the LISTENING line'
    }

    It 'exits when its stdin reaches EOF' {
        $started = Start-Host
        $started.Process.StandardInput.Close()

        $started.Process.WaitForExit(10000) | Should -BeTrue
        $started.Process.ExitCode | Should -Be 0
    }

    It 'exits with 1 and says why when its port is taken' {
        $first = Start-Host
        $port = ([uri]($first.Line -replace '^IRSTEPS-EMULATOR LISTENING ', '')).Port
        try {
            $second = Start-Host -Arguments '--port', "$port"
            $second.Process.WaitForExit(10000) | Should -BeTrue
            $second.Process.ExitCode | Should -Be 1
            $second.Line | Should -BeNullOrEmpty
            $second.Process.StandardError.ReadToEnd() | Should -Match "cannot listen on 127\.0\.0\.1:$port"
        }
        finally {
            $first.Process.StandardInput.Close()
            $null = $first.Process.WaitForExit(10000)
        }
    }

    It 'has helpers that change nothing in the session that dot-sources them but add their functions' {
        $run = Invoke-ChildPwsh -NonInteractive -Script @"
Set-StrictMode -Off
`$variablesBefore = @(Get-Variable | ForEach-Object Name | Sort-Object)
`$functionsBefore = @(Get-ChildItem Function: | ForEach-Object Name)
. '$(Join-Path $RepoRoot 'tests/Emulator/Emulator.ps1')'
`$strict = try { `$null = `$undefinedVariable; 'off' } catch { 'on' }
'Strict ' + `$strict
'Variables ' + ((Compare-Object `$variablesBefore @(Get-Variable | ForEach-Object Name | Where-Object { `$_ -notin 'variablesBefore', 'functionsBefore', 'strict' } | Sort-Object) | ForEach-Object { `$_.SideIndicator + `$_.InputObject }) -join ',')
'Functions ' + ((@(Get-ChildItem Function: | ForEach-Object Name) | Where-Object { `$_ -notin `$functionsBefore } | Sort-Object) -join ',')
"@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain 'Strict off'
        $run.Output | Should -Contain 'Variables '
        ($run.Output | Where-Object { $_ -like 'Functions *' }) | Should -Match 'Start-IRStepsEmulator.*Stop-IRStepsEmulator'
    }
}
