# -Verbose, -Debug and progress: what a user sees besides the objects.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    $requestLine = '^(?<operation>\w+) job ''(?<job>[^'']+)'' page (?<page>\d+): (?<items>\d+) steps in (?<ms>\d+) ms \(request id (?<id>[0-9a-f-]{36})\)$'

    # A runspace of its own with the module imported: the PowerShell API collects every stream there, progress
    # included (which no redirection can capture).
    $captureRunspace = [runspacefactory]::CreateRunspace()
    $captureRunspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $captureRunspace
    $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).Invoke()
    $ps.Dispose()

    function Invoke-Captured {
        # Runs a script in the capture runspace and returns its output and streams.
        param([scriptblock] $Script)
        $ps = [powershell]::Create()
        $ps.Runspace = $captureRunspace
        try {
            $output = $ps.AddScript($Script.ToString()).Invoke()
            [pscustomobject]@{
                Output   = $output
                Verbose  = @($ps.Streams.Verbose | ForEach-Object Message)
                Debug    = @($ps.Streams.Debug | ForEach-Object Message)
                Progress = @($ps.Streams.Progress)
                Errors   = @($ps.Streams.Error)
            }
        }
        finally {
            $ps.Dispose()
        }
    }
}

AfterAll {
    $captureRunspace.Dispose()
    Stop-IRStepsEmulator $emulator
}

Describe '-Verbose' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    It 'writes one line per request: operation, job, page, items, elapsed ms and request id' {
        $verbose = Get-IRJobStep paged-job-25 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $lines = @($verbose.Message | Where-Object { $_ -match '^ListInferenceRecommendationsJobSteps' })

        $lines.Count | Should -Be 3
        $parsed = foreach ($line in $lines) {
            $line -match $requestLine | Should -BeTrue -Because $line
            [pscustomobject]@{ Page = [int] $Matches.page; Items = [int] $Matches.items; Job = $Matches.job; Id = $Matches.id }
        }
        $parsed.Page | Should -Be @(1, 2, 3)
        $parsed.Items | Should -Be @(10, 10, 5)
        $parsed.Job | Select-Object -Unique | Should -Be 'paged-job-25'
        ($parsed.Id | Select-Object -Unique).Count | Should -Be 3
    }

    It 'writes the line before the page''s objects' {
        $stream = Get-IRJobStep legacy-no-endpoint -Verbose 4>&1
        $first = [array]::FindIndex([object[]] $stream, [Predicate[object]] { param($o) $o -is [System.Management.Automation.VerboseRecord] -and $o.Message -match '^ListInferenceRecommendationsJobSteps' })
        $firstStep = [array]::FindIndex([object[]] $stream, [Predicate[object]] { param($o) $o -is [IRSteps.Model.InferenceRecommendationsJobStep] })
        $first | Should -BeLessThan $firstStep
    }

    It 'numbers pages from 1 when resuming from a token' {
        $null = Get-IRJobStep paged-job-25 -NoAutoIteration -NextTokenVariable token
        $lines = Get-IRJobStep paged-job-25 -NextToken $token -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^ListInferenceRecommendationsJobSteps' }
        $lines.Message | ForEach-Object { ($_ -replace $requestLine, '${page}:${items}') } | Should -Be @('1:10', '2:5')
    }

    It 'says how a failed request ended, with its error code and request id' {
        $lines = Get-IRJobStep no-such-job -Verbose -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^ListInferenceRecommendationsJobSteps' }
        $lines.Message | Should -Match '^ListInferenceRecommendationsJobSteps job ''no-such-job'' page 1: failed \(ResourceNotFound\) after \d+ ms \(request id [0-9a-f-]{36}\)$'
    }
}

Describe '-Verbose on every cmdlet' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    It 'writes the same line for every request of Get-IRJob, Stop-IRJob and Wait-IRJob' {
        $lines = @(& {
                $VerbosePreference = 'Continue'
                Get-IRJob -MaxResult 4
                Get-IRJob nightly-resnet50
                Stop-IRJob running-job -Confirm:$false
                New-IRStepsEmulatorJob $emulator -JobName waited-job -Steps 2 -PhaseMs 700   # running for about 2 s
                Wait-IRJob waited-job -PollInterval 0.1
            } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message |
                Where-Object { $_ -match '^\w+InferenceRecommendations\w+ ' })
        $id = '\(request id [0-9a-f-]{36}\)$'

        $listing = $lines | Where-Object { $_ -like 'ListInferenceRecommendationsJobs *' }
        $listing[0] | Should -Match "^ListInferenceRecommendationsJobs page 1: 4 jobs in \d+ ms $id"
        $listing[1] | Should -Match "^ListInferenceRecommendationsJobs page 2: 4 jobs in \d+ ms $id"
        $lines | Where-Object { $_ -match "^DescribeInferenceRecommendationsJob job 'nightly-resnet50': COMPLETED in \d+ ms $id" } | Should -HaveCount 1
        $lines | Where-Object { $_ -match "^StopInferenceRecommendationsJob job 'running-job': accepted in \d+ ms $id" } | Should -HaveCount 1
        # Wait-IRJob's look at a running job is two requests: the job, and its steps to count them.
        $lines | Where-Object { $_ -match "^DescribeInferenceRecommendationsJob job 'waited-job': (PENDING|IN_PROGRESS) in \d+ ms $id" } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match "^ListInferenceRecommendationsJobSteps job 'waited-job' page 1: 2 steps in \d+ ms $id" } | Should -Not -BeNullOrEmpty
        $lines[-1] | Should -Match "^DescribeInferenceRecommendationsJob job 'waited-job': COMPLETED in \d+ ms $id"
    }
}

Describe 'Where the connection came from (-Verbose, -Debug)' {
    It 'says where the credentials and the region came from, and never a secret' {
        $secret = Get-IRStepsEmulatorSecret -AccessKey AKIDTESTPESTER
        $captured = Invoke-Captured { Get-IRJobStep legacy-no-endpoint -Region eu-west-1 -Verbose -Debug }
        $text = ($captured.Verbose + $captured.Debug) -join "`n"

        $text | Should -Match 'credentials:? (from )?.*AWS_ACCESS_KEY_ID'
        $text | Should -Match 'region:? eu-west-1 from .*Region'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match 'Signature='
    }
}

Describe 'Progress' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
    }

    It 'shows pages and steps so far for a listing that takes more than a second, and completes it' {
        Set-IRStepsEmulatorConfig $emulator -PageDelayMs 400
        $captured = Invoke-Captured { Get-IRJobStep paged-job-25 -MaxResult 5 }

        $captured.Output.Count | Should -Be 25
        $records = $captured.Progress
        $records.Count | Should -BeGreaterThan 1
        $records.Activity | Select-Object -Unique | Should -Be "Reading the steps of job 'paged-job-25'"
        @($records.ActivityId | Select-Object -Unique).Count | Should -Be 1
        $processing = $records | Where-Object RecordType -eq Processing
        $processing | Should -Not -BeNullOrEmpty
        $processing | ForEach-Object { $_.StatusDescription | Should -Match '^(Waiting for the first page|Page [1-5], \d+ steps so far)$' }
        $processing | ForEach-Object { $_.PercentComplete | Should -Be -1 }
        $records[-1].RecordType | Should -Be 'Completed'
        $records[-1].StatusDescription | Should -Be '5 pages, 25 steps'
    }

    It 'shows progress while the first page is still awaited' {
        Add-IRStepsEmulatorFault $emulator -Kind Slow -DelayMs 1600 -Operation ListInferenceRecommendationsJobSteps
        $captured = Invoke-Captured { Get-IRJobStep legacy-no-endpoint }

        $captured.Output.Count | Should -Be 4
        $captured.Progress[0].StatusDescription | Should -Be 'Waiting for the first page'
        $captured.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'completes the bar when -First ends the listing early' {
        Set-IRStepsEmulatorConfig $emulator -PageDelayMs 400
        $captured = Invoke-Captured { Get-IRJobStep paged-job-25 -MaxResult 5 -First 16 }

        $captured.Output.Count | Should -Be 16
        $captured.Progress[-1].RecordType | Should -Be 'Completed'
        $captured.Progress[-1].StatusDescription | Should -Be '4 pages, 20 steps'
    }

    It 'shows progress for a slow listing of jobs too' {
        Set-IRStepsEmulatorConfig $emulator -PageDelayMs 400
        $captured = Invoke-Captured { Get-IRJob -MaxResult 2 }

        $captured.Output.Count | Should -Be 10
        $captured.Progress[0].Activity | Should -Be 'Reading Inference Recommender jobs'
        $captured.Progress | Where-Object RecordType -eq Processing | ForEach-Object { $_.StatusDescription | Should -Match '^(Waiting for the first page|Page \d, \d+ jobs so far)$' }
        $captured.Progress[-1].RecordType | Should -Be 'Completed'
        $captured.Progress[-1].StatusDescription | Should -Match '^\d pages, 10 jobs$'
    }

    It 'shows nothing for a listing that is over at once' {
        $null = Get-IRJobStep legacy-no-endpoint   # a warm client: one quick page
        $captured = Invoke-Captured { Get-IRJobStep legacy-no-endpoint }

        $captured.Output.Count | Should -Be 4
        $captured.Progress | Should -BeNullOrEmpty
    }
}
