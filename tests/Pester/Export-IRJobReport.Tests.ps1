# Export-IRJobReport against the shipped module and the emulator's nightly-resnet50: the file it writes as a real
# browser (headless Chromium) renders it (DOM, screenshots, print), and the rules of writing it (same bytes for the
# same input, -WhatIf, -Force, clear errors).

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ConnectionTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'BrowserTestHelpers.ps1')
    $ErrorActionPreference = 'Continue'
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    $job = Get-IRJob -JobName nightly-resnet50
    $steps = @(Get-IRJobStep -JobName nightly-resnet50)
    $completed = @(for ($i = 0; $i -lt $steps.Count; $i++) { if ($steps[$i].Status -eq 'COMPLETED') { $i + 1 } })
    $report = Join-Path $TestDrive 'nightly.html'
    @($job) + $steps | Export-IRJobReport -Path $report
    $dom = Invoke-Chromium -Path $report -Argument '--dump-dom'

    function Get-Match([string] $Text, [string] $Pattern) { @([regex]::Matches($Text, $Pattern) | ForEach-Object { $_.Groups[1].Value }) }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Export-IRJobReport in a browser' {
    It 'draws one point per COMPLETED step and one table row per step' {
        $steps.Count | Should -Be 8
        $completed.Count | Should -Be 7
        @(Get-Match $dom '<circle class="point[^"]*" data-step="(\d+)"' | ForEach-Object { [int] $_ } | Sort-Object) | Should -Be $completed
        @(Get-Match $dom '<tr class="step [^"]*" data-step="(\d+)"').Count | Should -Be $steps.Count
        @(Get-Match $dom '<rect class="bar[^"]*" data-step="(\d+)"').Count | Should -Be 7
        Get-Match $dom '<circle class="point front" data-step="(\d+)"' | Sort-Object | Should -Be @('4', '5')
        $dom | Should -Match '<tr class="step failed" data-step="7">.*Failure reason:</strong> Benchmark failed: endpoint sm-epc-nightly-resnet50-0007 failed to pass the ping health check'
    }

    It 'shows the job, its existing endpoint and threshold as reference lines, and its recommendations' {
        $dom | Should -Match '<h2 id="job-1-name">nightly-resnet50</h2>'
        $dom | Should -Match '<line class="reference endpoint"'
        $dom | Should -Match '>resnet50-prod 52 ms</text>'
        $dom | Should -Match '>resnet50-prod 1,180/min</text>'
        $dom | Should -Match '>P95 threshold 100 ms</text>'
        @(Get-Match $dom '<tr class="recommendation">').Count | Should -Be $job.InferenceRecommendations.Count
        $dom | Should -Match 'data-v="1.13E-06" title="0.00000113 USD per inference">1.13</td>'
    }

    It 'runs its sorting script under its own Content-Security-Policy' {
        # The script marks the tables it made sortable: the policy's hash let it run.
        @(Get-Match $dom '<table class="(steps sortable sorting)">').Count | Should -Be 1
        @(Get-Match $dom '<table class="(recommendations sortable sorting)">').Count | Should -Be 1
        $dom | Should -Match '<th scope="col" class="num" title="CostPerInference[^"]*" tabindex="0">'
    }

    It 'sorts the steps by the header clicked, empty cells last both ways' {
        # A copy without the policy, with a script after the report's own that clicks headers and notes the order.
        $page = Join-Path $TestDrive 'sort.html'
        $clicks = @'
<script>
var table = document.querySelector('table.steps'), order = function () { return Array.from(table.tBodies[0].rows, function (r) { return r.dataset.step; }).join(','); };
var cost = table.tHead.rows[0].cells[5], type = table.tHead.rows[0].cells[2];
cost.click(); document.body.dataset.costUp = order();
cost.click(); document.body.dataset.costDown = order();
type.click(); document.body.dataset.typeUp = order();
</script>
'@
        ((Get-Content -Raw $report) -replace '<meta http-equiv="Content-Security-Policy"[^>]*>', '' -replace '</body>', "$clicks</body>") | Set-Content -Path $page -NoNewline
        $sorted = Invoke-Chromium -Path $page -Argument '--dump-dom'
        # Cost per inference: 5 (1.13), 6 (2.25), 1 (2.34), 2 (2.35), 4 (2.36), 3 (2.9), 8 (16.7); 7 FAILED has none.
        $sorted | Should -Match 'data-cost-up="5,6,1,2,4,3,8,7"'
        $sorted | Should -Match 'data-cost-down="8,3,4,2,1,6,5,7"'
        $sorted | Should -Match 'data-type-up="2,1,6,4,5,3,7,8"'
    }

    It 'reads the same with scripting off: every point and row, the steps in the order they came' {
        # Scripting off, as the browser sees it: a copy whose policy allows no script at all.
        $page = Join-Path $TestDrive 'noscript.html'
        ((Get-Content -Raw $report) -replace "script-src 'sha256-[^']+'", "script-src 'none'") | Set-Content -Path $page -NoNewline
        $still = Invoke-Chromium -Path $page -Argument '--dump-dom'
        $still | Should -Match '<table class="steps sortable">'
        @(Get-Match $still '<tr class="step [^"]*" data-step="(\d+)"') | Should -Be @('1', '2', '3', '4', '5', '6', '7', '8')
        @(Get-Match $still '<circle class="point[^"]*" data-step="(\d+)"').Count | Should -Be 7
    }

    It 'refers to nothing outside the page' {
        $dom | Should -Match '^<!DOCTYPE html>\s*<html lang="en"><head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''sha256-'
        $dom | Should -Not -Match '\s(src|href|srcset|action|poster|data|xlink:href)="(?!#)'
        $dom | Should -Not -Match '<(link|img|iframe|object|embed|image|use|audio|video|source|base|form)\b'
        @(Get-Match $dom '<(script)\b').Count | Should -Be 1
        $dom | Should -Not -Match 'url\(|@import'
    }

    It 'lets no request leave, even for an element slipped into it (a control without the policy is fetched)' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $slipped = "<img src=`"http://127.0.0.1:$port/img.png`"><link rel=`"stylesheet`" href=`"http://127.0.0.1:$port/s.css`"><script src=`"http://127.0.0.1:$port/s.js`"></script>"

            $guarded = Join-Path $TestDrive 'guarded.html'
            ((Get-Content -Raw $report) -replace '<body>', "<body>$slipped") | Set-Content -Path $guarded -NoNewline
            $null = Invoke-Chromium -Path $guarded -Argument '--dump-dom'
            Start-Sleep -Milliseconds 300
            $listener.Pending() | Should -BeFalse -Because 'the report''s Content-Security-Policy allows no request'

            $control = Join-Path $TestDrive 'control.html'
            ((Get-Content -Raw $report) -replace '<meta http-equiv="Content-Security-Policy"[^>]*>', '' -replace '<body>', "<body>$slipped") | Set-Content -Path $control -NoNewline
            # The listener never answers: --timeout ends the page's load after 5 seconds.
            $null = Invoke-Chromium -Path $control -Argument '--dump-dom', '--timeout=5000'
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while (-not $listener.Pending() -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $listener.Pending() | Should -BeTrue -Because 'without the policy the same elements are fetched: the listener does see requests'
        }
        finally {
            $listener.Stop()
        }
    }

    It 'is not blank on screen, in light and in dark mode' {
        $blankPage = Join-Path $TestDrive 'blank.html'
        Set-Content -Path $blankPage -Value '<!DOCTYPE html><html><body></body></html>'
        $null = Invoke-Chromium -Path $blankPage -Argument '--window-size=1100,1400', "--screenshot=$(Join-Path $TestDrive 'blank.png')"
        (Read-PngImage (Join-Path $TestDrive 'blank.png')).DistinctColours() | Should -Be 1 -Because 'a blank page is one colour: the measure below tells it apart'

        $null = Invoke-Chromium -Path $report -Argument '--window-size=1100,1400', "--screenshot=$(Join-Path $TestDrive 'light.png')"
        $light = Read-PngImage (Join-Path $TestDrive 'light.png')
        $light.Width | Should -Be 1100
        $light.DistinctColours() | Should -BeGreaterThan 200
        $light.Pixel(3, 3) | Should -Be @(255, 255, 255)
        $light.CountDominant(2, 80) | Should -BeGreaterThan 4000 -Because 'the Pareto points, line and bars are drawn in blue'
        $light.CountDominant(0, 100) | Should -BeGreaterThan 100 -Because 'the existing endpoint''s lines are drawn in red'

        $null = Invoke-Chromium -Path $report -Argument '--window-size=1100,1400', '--force-dark-mode', "--screenshot=$(Join-Path $TestDrive 'dark.png')"
        $dark = Read-PngImage (Join-Path $TestDrive 'dark.png')
        $dark.Pixel(3, 3) | Should -Be @(0x0d, 0x11, 0x17)
        $dark.CountDominant(2, 80) | Should -BeGreaterThan 4000
        $dark.DistinctColours() | Should -BeGreaterThan 200
    }

    It 'prints: a PDF of a few pages' {
        $pdf = Join-Path $TestDrive 'nightly.pdf'
        $null = Invoke-Chromium -Path $report -Argument '--no-pdf-header-footer', "--print-to-pdf=$pdf"
        $bytes = [IO.File]::ReadAllBytes($pdf)
        [Text.Encoding]::ASCII.GetString($bytes, 0, 5) | Should -Be '%PDF-'
        $pages = [regex]::Matches([Text.Encoding]::Latin1.GetString($bytes), '/Type\s*/Page\b').Count
        $pages | Should -BeIn (1..3) -Because 'one job prints on a few portrait pages (the print stylesheet)'
    }

    It 'shows hostile names, titles and failure reasons as text' {
        $hostile = '<script>document.body.dataset.pwned="1"</script>'
        $image = '<img src=x onerror="document.body.dataset.pwned=2">'
        $made = @(
            [IRSteps.Model.InferenceRecommendationsJobStep]@{
                JobName = "$hostile&"; Status = 'FAILED'
                InferenceBenchmark = @{ FailureReason = "$image ' `" &amp;"; EndpointConfiguration = @{ InstanceType = '<b>ml.c5.xlarge</b>' } }
            }
            [IRSteps.Model.InferenceRecommendationsJobStep]@{
                JobName = "$hostile&"; Status = 'COMPLETED'
                InferenceBenchmark = @{
                    Metrics = @{ ModelLatency = 80; CostPerInference = 0.000002; MaxInvocations = 900 }
                    EndpointConfiguration = @{ InstanceType = "ml.m5.large`"><svg onload=`"document.body.dataset.pwned=3`">"; InitialInstanceCount = 1 }
                }
            }
        )
        $page = Join-Path $TestDrive 'hostile.html'
        $made | Export-IRJobReport -Path $page -Title "`"'>$hostile"
        $rendered = Invoke-Chromium -Path $page -Argument '--dump-dom'

        $rendered | Should -Not -Match 'pwned'.Insert(0, 'data-')
        @(Get-Match $rendered '<(script)\b').Count | Should -Be 1
        $rendered | Should -Not -Match '<(img|b|svg onload)\b'
        $rendered | Should -Match '<h1>"''&gt;&lt;script&gt;document\.body\.dataset\.pwned="1"&lt;/script&gt;</h1>'
        $rendered | Should -Match '<h2 id="job-1-name">&lt;script&gt;document\.body\.dataset\.pwned="1"&lt;/script&gt;&amp;</h2>'
        $rendered | Should -Match 'Failure reason:</strong> &lt;img src=x onerror="document\.body\.dataset\.pwned=2"&gt; '' " &amp;amp;</td>'
        @(Get-Match $rendered '<circle class="point[^"]*" data-step="(\d+)"').Count | Should -Be 1
    }
}

Describe 'Export-IRJobReport writes' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
        Use-EmulatorCredential $emulator
    }

    It 'the same bytes for the same input: again, from Import-Clixml copies, and in another culture' {
        $again = Join-Path $TestDrive 'again.html'
        @($job) + $steps | Export-IRJobReport -Path $again
        (Get-FileHash $again).Hash | Should -Be (Get-FileHash $report).Hash

        $saved = Join-Path $TestDrive 'saved.xml'
        @($job) + $steps | Export-Clixml -Path $saved
        $copies = Import-Clixml -Path $saved
        $copies[1].pstypenames[0] | Should -Be 'Deserialized.IRSteps.Model.InferenceRecommendationsJobStep'
        $fromCopies = Join-Path $TestDrive 'copies.html'
        $copies | Export-IRJobReport -Path $fromCopies
        (Get-FileHash $fromCopies).Hash | Should -Be (Get-FileHash $report).Hash

        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $german = Join-Path $TestDrive 'german.html'
            @($job) + $steps | Export-IRJobReport -Path $german
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }
        (Get-FileHash $german).Hash | Should -Be (Get-FileHash $report).Hash
    }

    It 'nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.html'
        $steps | Export-IRJobReport -Path $path -WhatIf
        $path | Should -Not -Exist
        Set-Content -Path $path -Value 'kept'
        $steps | Export-IRJobReport -Path $path -Force -WhatIf
        Get-Content -Raw $path | Should -Be "kept$([Environment]::NewLine)"
    }

    It 'over an existing file only with -Force, and stops before the commands feeding it call AWS' {
        $path = Join-Path $TestDrive 'exists.html'
        Set-Content -Path $path -Value 'kept'
        $caught = $null
        try { Get-IRJobStep -JobName nightly-resnet50 | Export-IRJobReport -Path $path } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ReportExists,IRSteps.Commands.ExportIRJobReportCommand'
        $caught.CategoryInfo.Category | Should -Be 'ResourceExists'
        $caught.TargetObject | Should -Be $path
        $caught.Exception.Message | Should -BeLike '*exists. Use -Force*'
        Get-Content -Raw $path | Should -Be "kept$([Environment]::NewLine)"
        @(Get-EmulatorCall $emulator).Count | Should -Be 0 -Because 'the target is checked before any input is read'

        Get-IRJobStep -JobName nightly-resnet50 | Export-IRJobReport -Path $path -Force
        Get-Content -Raw $path | Should -BeLike '<!DOCTYPE html>*nightly-resnet50*'
    }

    It 'a clear ReportNotWritable error for <Case>' -TestCases @(
        @{ Case = 'a folder that does not exist'; Target = { Join-Path $TestDrive 'no/such/folder/r.html' }; Says = '*does not exist*' }
        @{ Case = 'a folder'; Target = { $TestDrive }; Says = '*it is a folder*' }
        @{ Case = 'a path of another provider'; Target = { 'Variable:\irstepsReport' }; Says = '*Variable provider, not a file*' }
        @{ Case = 'a file the system refuses'; Target = { '/proc/irsteps-report.html' }; Says = 'Cannot write the report to /proc/irsteps-report.html: *'; Skip = -not $IsLinux }
    ) {
        param($Case, $Target, $Says)
        $path = & $Target
        $caught = $null
        try { $steps | Export-IRJobReport -Path $path } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ReportNotWritable,IRSteps.Commands.ExportIRJobReportCommand'
        $caught.CategoryInfo.Category | Should -Be 'WriteError'
        $caught.Exception.Message | Should -BeLike $Says
    }

    It 'a non-terminating InvalidReportInput error for what is neither a step nor a job, and the report of the rest' {
        $path = Join-Path $TestDrive 'mixed.html'
        'nightly-resnet50', $steps[0], ($steps[1] | Select-Object JobName, Status) | Export-IRJobReport -Path $path -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 2
        $refused[0].FullyQualifiedErrorId | Should -Be 'InvalidReportInput,IRSteps.Commands.ExportIRJobReportCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidType'
        $refused[0].TargetObject | Should -Be 'nightly-resnet50'
        $refused[0].Exception.Message | Should -BeLike '*takes steps (Get-IRJobStep) and jobs*this is System.String*'
        $written = Get-Content -Raw $path
        ([regex]::Matches($written, '<tr class="step ')).Count | Should -Be 1
    }

    It 'to a relative path from the current location, with the -Title given' {
        Push-Location $TestDrive
        try {
            $steps | Export-IRJobReport 'relative.html' -Title 'Weekly resnet50 sizing'
        }
        finally {
            Pop-Location
        }
        $written = Get-Content -Raw (Join-Path $TestDrive 'relative.html')
        $written | Should -Match '<title>Weekly resnet50 sizing</title>'
        $written | Should -Match '<h1>Weekly resnet50 sizing</h1>'
    }

    It 'a report that says so, and a warning, when nothing was given' {
        $path = Join-Path $TestDrive 'empty.html'
        @() | Export-IRJobReport -Path $path -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeLike '*No steps or jobs*'
        Get-Content -Raw $path | Should -Match 'No steps or jobs were given\.'
    }
}
