# Get-Help for every exported cmdlet and parameter, offline, and the examples in it run against the emulator.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $commands = @(Get-Command -Module IRSteps -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            $help = Get-Help $_.Name -Full
            @{
                Name       = $_.Name
                Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters } |
                        ForEach-Object { @{ Parameter = $_ } })
            }
        })
    $examples = @(Get-Command -Module IRSteps -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            $name = $_.Name
            @((Get-Help $name -Examples).examples.example) | Where-Object { $_ } | ForEach-Object {
                @{ Command = $name; Title = ($_.title -replace '^-+\s*|\s*-+$', ''); Code = $_.code }
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    # Examples that need the emulator set up first. Every example runs.
    $setup = @{
        'Wait-IRJob/Example 2: Wait for every job in progress, for two hours at most' = {
            # The fixture running-job never finishes: stop it, and start a job that does finish, IN_PROGRESS now.
            Stop-IRJob -JobName running-job -Confirm:$false
            New-IRStepsEmulatorJob $emulator -JobName dyn-in-progress -Steps 2 -PhaseMs 400
            Start-Sleep -Milliseconds 500
        }
    }

    # The example's minute between polls, shortened so the test waits for the job and not for the clock.
    $rewrite = @{
        'Wait-IRJob/Example 2: Wait for every job in progress, for two hours at most' = @('-PollInterval 60', '-PollInterval 0.2')
    }

    # What some examples must give, beyond running without an error.
    $expected = @{
        'Get-IRJobStep/Example 1: The finished benchmarks of a job' = {
            param($output)
            $output.Count | Should -Be 7
            $output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
        }
        'Get-IRJobStep/Example 2: The three cheapest configurations under 100 ms' = {
            param($output)
            $output.InstanceType | Should -Be @('ml.inf1.xlarge', 'ml.c6i.xlarge', 'ml.c5.xlarge')
        }
        'Get-IRJobStep/Example 4: Read one page at a time' = {
            param($output)
            $output | Should -Be @('10 steps', '10 steps', '5 steps')
        }
        'Get-IRJobStep/Example 5: Resume from a saved token' = {
            param($output)
            (Get-Content resume.txt) | Should -Not -BeNullOrEmpty
            @(Import-Csv first-page.csv).Count | Should -Be 10
            $output.Count | Should -Be 15
            $output | ForEach-Object { $_.InferenceBenchmark.ModelConfiguration.EnvironmentParameters[0].Value } | Should -Be (10..24 | ForEach-Object { "$_" })
        }
        'Get-IRJobStep/Example 6: The steps of several jobs, some of which fail' = {
            param($output)
            ($output | Where-Object { $_ -is [Microsoft.PowerShell.Commands.GroupInfoNoElement] }).Name | Sort-Object | Should -Be @('legacy-no-endpoint', 'nightly-resnet50')
            ($output | Where-Object { $_.PSObject.Properties['FullyQualifiedErrorId'] }).FullyQualifiedErrorId | Should -BeLike 'JobNotFound,*'
        }
        'Get-IRJobStep/Example 8: Save steps to CSV and JSON' = {
            param($output)
            @(Import-Csv steps.csv).Count | Should -Be 8
            @(Get-Content -Raw steps.json | ConvertFrom-Json).Count | Should -Be 8
        }
        'Wait-IRJob/Example 3: Stop a runbook when a job failed' = {
            param($output)
            $output | Should -Match '^Job failed: JobFailed,'
        }
        'Wait-IRJob/Example 2: Wait for every job in progress, for two hours at most' = {
            param($output)
            $output.JobName | Should -Be 'dyn-in-progress'
            $output.Status | Should -Be 'COMPLETED'
        }
        'Export-IRJobReport/Example 1: A job, its steps and its recommendations in one page' = {
            param($output)
            $html = Get-Content -Raw nightly-resnet50.html
            ([regex]::Matches($html, '<circle class="point[ "]')).Count | Should -Be 7
            ([regex]::Matches($html, '<tr class="step ')).Count | Should -Be 8
            $html | Should -Match 'resnet50-rec-1'
        }
        'Export-IRJobReport/Example 3: Several jobs in one report, with a title' = {
            param($output)
            $html = Get-Content -Raw nightly.html
            $html | Should -Match '<title>Nightly sizing</title>'
            ([regex]::Matches($html, '<section class="job"')).Count | Should -Be 2
        }
        'Export-IRJobReport/Example 4: A report from steps saved earlier, without AWS' = {
            param($output)
            Get-IRJobStep -JobName nightly-resnet50 | Export-IRJobReport -Path live.html
            (Get-FileHash saved.html).Hash | Should -Be (Get-FileHash live.html).Hash
        }
        'Export-IRJobReport/Example 5: See what would be written' = {
            param($output)
            'report.html' | Should -Not -Exist
        }
        'Stop-IRJob/Example 2: Stop a job and wait until it has stopped' = {
            param($output)
            $output.Status | Should -Be 'STOPPED'
        }
        'Start-IREmulator/Example 2: Try the module without an AWS account' = {
            param($output)
            $output.Count | Should -Be 7
            $output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
        }
        'Start-IREmulator/Example 3: Several emulators, each on its own port' = {
            param($output)
            $output | Should -BeNullOrEmpty
        }
        'Stop-IREmulator/Example 2: Stop several emulators from the pipeline' = {
            param($output)
            $output | Should -Be @($false, $false, $false)
        }
        'Add-IREmulatorJob/Example 1: A job with a benchmark you build' = {
            param($output)
            $output.InstanceType | Should -Be 'ml.c5.xlarge'
            $output.LatencyVsEndpoint | Should -Be (38 / 52)
        }
        'Add-IREmulatorJob/Example 2: Replay a real job saved with Export-Clixml' = {
            param($output)
            $output.Count | Should -Be 3
            $output[0].CostPerInference | Should -BeLessOrEqual $output[1].CostPerInference
            $output[0].EndpointModelLatency | Should -Not -BeNullOrEmpty
        }
        'Add-IREmulatorJob/Example 3: A job that finishes after three looks' = {
            param($output)
            $output.Status | Should -Be 'COMPLETED'
        }
        'Add-IREmulatorJob/Example 4: A job that fails' = {
            param($output)
            $output[0].Status | Should -Be 'FAILED'
            $output[-1] | Should -BeLike 'Job failed: JobFailed,*'
        }
        'Add-IREmulatorFault/Example 1: Throttle a job until the module gives up' = {
            param($output)
            $output | Should -Be 'Throttled,IRSteps.Commands.GetIRJobStepCommand'
        }
        'Add-IREmulatorFault/Example 2: Survive one throttled request' = {
            param($output)
            $output | Should -Be 8
        }
        'Add-IREmulatorFault/Example 3: A request that never gets an answer' = {
            param($output)
            $output | Should -Be 'RequestTimeout,IRSteps.Commands.GetIRJobCommand'
        }
        'Get-IREmulatorRequest/Example 1: The pages a listing asked for' = {
            param($output)
            $rows = @(($output | Out-String -Width 200) -split "`n" | Where-Object { $_ -match '^ListInferenceRecommendationsJobSteps\s+paged-job-25\s+10\b' })
            $rows.Count | Should -Be 3
        }
        'Get-IREmulatorRequest/Example 2: Check who signed the requests' = {
            param($output)
            $output | Should -Be $true
        }
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'comes from the module''s MAML file (not generated from the syntax)' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '\s')
    }

    It 'has a description' {
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 1
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            $example.title | Should -Match 'Example \d+: \S'
        }
    }

    It 'has help for -<Parameter>' -ForEach $Parameters {
        $parameterHelp = $help.parameters.parameter | Where-Object name -eq $Parameter
        $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$Parameter needs a section in en-US/$Name.md or SharedParameters.md"
        $text = & { Set-StrictMode -Off; $parameterHelp.description.Text -join '' }   # no description member at all when there is no text
        $text | Should -Not -BeNullOrEmpty -Because "-$Parameter needs text in en-US/$Name.md or SharedParameters.md"
    }

    It 'names its related links and the about topic' {
        $help.relatedLinks.navigationLink.linkText | Should -Contain 'about_IRSteps'
    }

    It 'reads whole in a console of 80 columns: no line of ours longer than the 79 it gives, so none is cut mid-word' {
        # Rendered far wider than any line, then measured: what a console of 80 columns would have to wrap.
        # The syntax is PowerShell's own line (every cmdlet's wraps), and so is the common parameters' text.
        $section = ''
        $over = foreach ($line in (Get-Help $Name -Full | Out-String -Width 1000) -split '\r?\n') {
            if ($line -match '^[A-Z][A-Z ]+$') { $section = $line }
            if ($section -eq 'SYNTAX' -or $line -match 'CommonParameters|ErrorAction, ErrorVariable|about_CommonParameters') { continue }
            if ($line.TrimEnd().Length -gt 79) { "[$section] $($line.TrimEnd())" }
        }
        $over | Should -BeNullOrEmpty
    }

    It 'has its source, en-US/<Name>.md, at most 80 columns wide' {
        $source = Join-Path $RepoRoot "en-US/$Name.md"
        Get-Content $source | Where-Object Length -gt 80 | Should -BeNullOrEmpty
    }
}

Describe 'Help sources' {
    It '<_> is at most 80 columns wide' -ForEach @('SharedParameters.md', 'about_IRSteps.help.txt') {
        Get-Content (Join-Path $RepoRoot "en-US/$_") | Where-Object Length -gt 80 | Should -BeNullOrEmpty
    }
}

Describe 'The examples in help' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
        Use-EmulatorCredential $emulator
        Push-Location $TestDrive
    }

    AfterEach {
        Pop-Location
    }

    It '<Command> <Title> runs against the emulator' -ForEach ($examples | Where-Object { $_.Code -notmatch '\bDescribe\b' }) {
        $key = "$Command/$Title"
        $ErrorActionPreference = 'Stop'
        if ($setup.ContainsKey($key)) { & $setup[$key] }
        if ($rewrite.ContainsKey($key)) {
            $Code | Should -BeLike "*$($rewrite[$key][0])*"
            $Code = $Code.Replace($rewrite[$key][0], $rewrite[$key][1])
        }
        $output = @(& ([scriptblock]::Create($Code)))

        if ($expected.ContainsKey($key)) { & $expected[$key] $output }
    }

    It '<Command> <Title> passes as a Pester test of its own' -ForEach ($examples | Where-Object { $_.Code -match '\bDescribe\b' }) {
        # A real nested Pester run, in a fresh pwsh that finds IRSteps by name, as a user's test run would.
        $file = Join-Path $TestDrive 'Example.Tests.ps1'
        Set-Content -Path $file -Value $Code -Encoding utf8
        $pester = (Get-Module Pester).Path
        $script = "Import-Module '$pester'; `$r = Invoke-Pester -Path '$file' -PassThru -Output None; 'Passed ' + `$r.PassedCount + ' Failed ' + (`$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount)"
        $modules = Split-Path -Parent (Split-Path -Parent $ModuleManifest)

        $run = Invoke-ChildPwsh -Script $script -NonInteractive -Environment @{ PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath }

        $tests = [regex]::Matches($Code, '(?m)^\s*It\s').Count
        $tests | Should -BeGreaterThan 1
        $run.Output[-1] | Should -Be "Passed $tests Failed 0" -Because ($run.Output + $run.Errors -join "`n")
    }
}

Describe 'about_IRSteps' {
    It 'shows no line longer than 80 columns, as shipped' {
        $shipped = Join-Path (Split-Path -Parent $ModuleManifest) 'en-US/about_IRSteps.help.txt'
        Get-Content $shipped | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        (Get-Help about_IRSteps | Out-String -Width 1000) -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'is found by Get-Help, offline' {
        $text = Get-Help about_IRSteps | Out-String
        foreach ($section in 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'OBJECTS AND VIEWS', 'PAGINATION', 'STREAMS', 'TAB COMPLETION', 'REPORTS', 'THE EMULATOR', 'CREDENTIALS AND REGION') {
            $text | Should -Match "(?m)^\s*$section\s*$" -Because "about_IRSteps has a $section section"
        }
    }
}
