# What a person sees at the prompt: the table and list views of IRSteps objects, rendered at 80 and 120
# columns (and at 79 and 119, what a console of 80 and 120 columns gives a table) against the emulator's jobs,
# among them one with wide, realistic values. tests/Terminal.Tests.ps1 reads the same tables off a real
# terminal.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    # The fixture job with wide values: a 60-character name, large instance types, costs with small digits.
    $wideJob = 'llama-2-70b-chat-sweep-inf2-g5-p4d-trn1n-vs-production-12-01'

    function Get-TableView {
        # A table view as the module ships it: its labels, and the widths of all columns but the last, which
        # has none and takes the room that is left (so a table never needs more than its fixed part).
        param([string] $TypeName, [string] $ViewName)
        $view = (Get-FormatData -TypeName $TypeName).FormatViewDefinition |
            Where-Object { $_.Control -is [System.Management.Automation.TableControl] -and $_.Name -eq $ViewName }
        $headers = @($view.Control.Headers)
        [pscustomobject]@{
            Labels = @($headers.Label)
            Widths = @($headers | Select-Object -SkipLast 1 | ForEach-Object Width)
            Last   = $headers[-1].Width
        }
    }

    function ConvertFrom-RenderedTable {
        # Reads tables back from rendered text, the way a person reads them: each table's header, and each row's
        # cells, a wrapped cell's lines joined. Column starts follow from the view's widths (one space between
        # columns). Returns one object per table: Group (the "Job:" line above it, if any), Header, Rows.
        param([string] $Text, $View)
        $lines = $Text -split "`r?`n"
        $starts = @(0)
        foreach ($width in $View.Widths) { $starts += $starts[-1] + $width + 1 }
        $cut = {
            param([string] $line)
            for ($k = 0; $k -lt $starts.Count; $k++) {
                $from = $starts[$k]
                $to = if ($k -lt $starts.Count - 1) { $starts[$k + 1] - 1 } else { [Math]::Max($line.Length, $from) }
                if ($from -ge $line.Length) { '' } else { $line.Substring($from, [Math]::Min($to, $line.Length) - $from).Trim() }
            }
        }
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -notmatch '^ *-[- ]*$') { continue }
            $group = $null
            for ($g = $i - 2; $g -ge 0 -and $g -ge $i - 4; $g--) { if ($lines[$g] -match '^    Job: (.*)$') { $group = $Matches[1]; break } }
            $rows = [Collections.Generic.List[object]]::new()
            for ($r = $i + 1; $r -lt $lines.Count -and $lines[$r].Trim(); $r++) {
                $cells = @(& $cut $lines[$r])
                if ($cells[0] -or $rows.Count -eq 0) { $rows.Add($cells) }
                else {
                    # A wrapped row: its cells go on below, each segment joined to the one above.
                    $above = $rows[$rows.Count - 1]
                    for ($k = 0; $k -lt $cells.Count; $k++) { $above[$k] = $above[$k] + $cells[$k] }
                }
            }
            [pscustomobject]@{
                Group           = $group
                HeaderLine      = $lines[$i - 1]
                LineAboveHeader = if ($i -ge 2) { $lines[$i - 2] } else { '' }
                Header          = @(& $cut $lines[$i - 1])
                Rows            = $rows
            }
        }
    }

    function Assert-Table {
        # What every rendered table must be: no line over the width, one header line (nothing above it but a
        # blank line), every column there (none dropped for want of room), the group line naming the job whole.
        param([string] $Text, [int] $Width, $View, [int] $Tables = 1)
        foreach ($line in $Text -split "`r?`n") { $line.Length | Should -BeLessOrEqual $Width -Because "'$line' is within $Width columns" }
        $parsed = @(ConvertFrom-RenderedTable -Text $Text -View $View)
        $parsed.Count | Should -Be $Tables
        foreach ($table in $parsed) {
            $table.LineAboveHeader.Trim() | Should -BeNullOrEmpty -Because "the header is one line: '$($table.HeaderLine)'"
            $table.Header | Should -Be $View.Labels
        }
        return $parsed
    }

    function Format-Cost([Nullable[double]] $Value, [string] $Format) {
        if ($null -ne $Value) { [string]::Format([cultureinfo]::CurrentCulture, $Format, $Value) } else { '' }
    }

    $stepView = Get-TableView IRSteps.Model.InferenceRecommendationsJobStep IRSteps.Model.InferenceRecommendationsJobStep
    $stepWide = Get-TableView IRSteps.Model.InferenceRecommendationsJobStep Wide
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'The step table' {
    BeforeAll {
        $steps = Get-IRJobStep -JobName $wideJob
        $expected = @(
            # Status, $/Hour, $/1M inf, Inv/min, vs EP, Latency, vs EP, Instances
            , @('COMPLETED', '15.7066', '5.9899', '43700', '35.0x', '1042', '0.42x', 'ml.inf2.48xlarge x1')
            , @('COMPLETED', '75.377', '123.456', '10176', '8.14x', '1875', '0.76x', 'ml.p4d.24xlarge x2')
            , @('COMPLETED', '247.80', '41.2345', '100160', '', '2048', '', 'ml.trn1n.32xlarge x10')
            , @('COMPLETED', '20.36', '73.1234', '4641', '', '9876', '', 'ml.g5.48xlarge x1')
            , @('FAILED', '', '', '', '', '', '', 'ml.g5.12xlarge x1')
            , @('STOPPED', '', '', '', '', '', '', 'ml.p5.48xlarge x1')
            , @('COMPLETED', '0.00', '987.654', '310', '0.25x', '8750', '3.56x', 'serverless 6GB x200')
        )
    }

    It 'is the default view: status, costs per hour and per million inferences, invocations, latency, each against the existing endpoint, then the instances' {
        $stepView.Labels | Should -Be @('Status', '$/Hour', '$/1M inf', 'Inv/min', 'vs EP', 'Latency', 'vs EP', 'Instances')
        $stepView.Last | Should -Be 0 -Because 'the instances take the room that is left'
    }

    It 'needs at most 57 of the 79 columns a console of 80 gives it, and leaves the instances 22' {
        ($stepView.Widths | Measure-Object -Sum).Sum + $stepView.Widths.Count | Should -BeLessOrEqual 57
        ('ml.trn1n.32xlarge x10'.Length) | Should -BeLessOrEqual (79 - 57)
    }

    It 'at <Width> columns: groups by job, the name whole, every value readable in full on one line' -ForEach @(
        @{ Width = 79 }, @{ Width = 80 }, @{ Width = 120 }
    ) {
        $text = $steps | Out-String -Width $Width   # the default view, as at the prompt
        $table = Assert-Table -Text $text -Width $Width -View $stepView

        $table.Group | Should -Be $wideJob
        $table.Rows.Count | Should -Be 7 -Because 'each step is one line, nothing wrapped'
        for ($i = 0; $i -lt 7; $i++) { $table.Rows[$i] | Should -Be $expected[$i] }
    }

    It 'shows the existing endpoint''s comparison beside the benchmark''s (nightly-resnet50 at 80 columns)' {
        $table = Assert-Table -Text (Get-IRJobStep nightly-resnet50 | Out-String -Width 80) -Width 80 -View $stepView
        $table.Group | Should -Be 'nightly-resnet50'
        $table.Rows[0] | Should -Be @('COMPLETED', '0.204', '2.34', '1450', '1.23x', '38', '0.73x', 'ml.c5.xlarge x1')
        $table.Rows[6] | Should -Be @('FAILED', '', '', '', '', '', '', 'ml.r5.large x1')
        $table.Rows[7] | Should -Be @('COMPLETED', '0.00', '16.70', '610', '0.52x', '88', '1.69x', 'serverless 4GB x5')
    }

    It 'at <Width> columns: every step of every job, one table a job, instance, costs and latency whole' -ForEach @(
        @{ Width = 79 }, @{ Width = 120 }
    ) {
        $jobs = @(Get-IRJob)
        $all = @($jobs | Get-IRJobStep)
        $names = @($all.JobName | Select-Object -Unique)   # a job with no steps (pending-job) has no table
        $names.Count | Should -BeGreaterThan 8
        $tables = Assert-Table -Text ($all | Out-String -Width $Width) -Width $Width -View $stepView -Tables $names.Count

        $tables.Group | Should -Be $names
        $rows = @($tables.Rows)
        $rows.Count | Should -Be $all.Count
        for ($i = 0; $i -lt $all.Count; $i++) {
            $step = $all[$i]
            $row = $rows[$i]
            $row[0] | Should -Be $step.Status
            $row[1] | Should -Be (Format-Cost $step.CostPerHour '{0:0.00##}')
            $row[2] | Should -Be (Format-Cost $step.CostPerMillionInferences '{0:0.00##}')
            $row[3] | Should -Be "$($step.MaxInvocations)"
            $row[5] | Should -Be "$($step.ModelLatency)"
            if ($step.InstanceType) { $row[7] | Should -Be "$($step.InstanceType) x$($step.InitialInstanceCount)" }
            else { $row[7] | Should -Match '^serverless \d+GB x\d+$' }
        }
    }

    It 'stays within 79 columns with the longest values a step can hold, wrapping rather than cutting' {
        $step = [IRSteps.Model.InferenceRecommendationsJobStep]@{
            JobName            = 'a' * 64
            Status             = 'IN_PROGRESS'
            InferenceBenchmark = @{
                Metrics               = @{ CostPerHour = 98.3209; CostPerInference = 0.0001234567; MaxInvocations = 1234567; ModelLatency = 1234567 }
                EndpointMetrics       = @{ MaxInvocations = 12345; ModelLatency = 1000 }
                EndpointConfiguration = @{ InstanceType = 'ml.p6e-gb200.36xlarge'; InitialInstanceCount = 100 }
            }
        }
        $table = Assert-Table -Text ($step | Out-String -Width 79) -Width 79 -View $stepView

        $table.Group | Should -Be ('a' * 64)
        $table.Rows[0][0..6] | Should -Be @('IN_PROGRESS', '98.3209', '123.4567', '1234567', '100x', '1234567', '1235x')
        # 26 characters in the 22 left: the instance type on one line, its count on the next (the space between
        # them is where the line breaks).
        $table.Rows[0][7] | Should -Be 'ml.p6e-gb200.36xlargex100'
    }
}

Describe 'The wide step table (Format-Table -View Wide)' {
    It 'keeps everything of the default table and adds the cost per inference and the existing endpoint''s own figures' {
        $stepWide.Labels | Should -Be @('Status', '$/Hour', '$/Inference', '$/1M inf', 'Inv/min', 'Endpoint', 'vs EP', 'Latency', 'Endpoint', 'vs EP', 'Instances')
        foreach ($label in $stepView.Labels) { $stepWide.Labels | Should -Contain $label }
        ($stepWide.Widths | Measure-Object -Sum).Sum + $stepWide.Widths.Count + 'ml.trn1n.32xlarge x10'.Length | Should -BeLessOrEqual 119
    }

    It 'at <Width> columns: every value readable in full on one line' -ForEach @(@{ Width = 119 }, @{ Width = 120 }) {
        $text = Get-IRJobStep -JobName $wideJob | Format-Table -View Wide | Out-String -Width $Width
        $table = Assert-Table -Text $text -Width $Width -View $stepWide

        $table.Group | Should -Be $wideJob
        $table.Rows.Count | Should -Be 7
        $table.Rows[0] | Should -Be @('COMPLETED', '15.7066', '0.0000059899', '5.9899', '43700', '1250', '35.0x', '1042', '2460', '0.42x', 'ml.inf2.48xlarge x1')
        $table.Rows[1] | Should -Be @('COMPLETED', '75.377', '0.000123456', '123.456', '10176', '1250', '8.14x', '1875', '2460', '0.76x', 'ml.p4d.24xlarge x2')
        $table.Rows[2] | Should -Be @('COMPLETED', '247.80', '0.0000412345', '41.2345', '100160', '', '', '2048', '', '', 'ml.trn1n.32xlarge x10')
        $table.Rows[6] | Should -Be @('COMPLETED', '0.00', '0.000987654', '987.654', '310', '1250', '0.25x', '8750', '2460', '3.56x', 'serverless 6GB x200')
    }
}

Describe 'CostPerMillionInferences in a table of one''s own' {
    It 'reads 5.99 where CostPerInference reads 0.00 (a table shows a double with two decimals)' {
        $lines = (Get-IRJobStep -JobName $wideJob -First 2 | Select-Object InstanceType, CostPerInference, CostPerMillionInferences |
                Out-String -Width 80) -split "`r?`n" | Where-Object { $_ -match '^ml\.' }

        -split $lines[0] | Should -Be @('ml.inf2.48xlarge', '0.00', '5.99')
        -split $lines[1] | Should -Be @('ml.p4d.24xlarge', '0.00', '123.46')
    }

    It 'is CostPerInference times one million, without binary noise, $null when the cost is absent' {
        $steps = Get-IRJobStep -JobName $wideJob
        $steps[0].CostPerMillionInferences | Should -Be 5.9899
        $steps[1].CostPerMillionInferences | Should -Be 123.456
        $steps[4].CostPerMillionInferences | Should -BeNullOrEmpty
        $nan = [IRSteps.Model.InferenceRecommendationsJobStep]@{ InferenceBenchmark = @{ Metrics = @{ CostPerInference = [double]::NaN } } }
        [double]::IsNaN($nan.CostPerMillionInferences) | Should -BeTrue
    }
}

Describe 'The step list' {
    It 'shows everything, FailureReason included' {
        $text = Get-IRJobStep nightly-resnet50 -Status FAILED | Format-List | Out-String -Width 120

        $text | Should -Match 'FailureReason +: Benchmark failed: endpoint sm-epc-nightly-resnet50-0007 failed'
        $text | Should -Match 'EndpointName +: sm-epc-nightly-resnet50-0007'
        $text | Should -Match 'InstanceType +: ml.r5.large'
    }

    It 'has a line for every flattened property and the nested details' {
        $text = Get-IRJobStep nightly-resnet50 -First 1 | Format-List | Out-String -Width 120
        $labels = ($text -split "`r?`n" | Where-Object { $_.Trim() }) | ForEach-Object { ($_ -split ':', 2)[0].Trim() }

        foreach ($label in 'JobName', 'StepType', 'Status', 'FailureReason', 'EndpointConfiguration', 'EndpointName', 'VariantName', 'InstanceType',
            'InitialInstanceCount', 'ServerlessConfig', 'CostPerHour', 'CostPerInference', 'CostPerMillionInferences', 'MaxInvocations',
            'EndpointMaxInvocations', 'InvocationsVsEndpoint', 'ModelLatency', 'EndpointModelLatency', 'LatencyVsEndpoint', 'CpuUtilization',
            'MemoryUtilization', 'ModelSetupTime', 'InvocationStartTime', 'InvocationEndTime', 'InferenceSpecificationName', 'CompilationJobName',
            'EnvironmentParameters') {
            $labels | Should -Contain $label
        }
        $text | Should -Match 'CostPerInference +: 0\.00000234'
        $text | Should -Match 'CostPerMillionInferences +: 2\.34'
        $text | Should -Match 'LatencyVsEndpoint +: 0\.73'
        $text | Should -Match 'EnvironmentParameters +: OMP_NUM_THREADS=2, TS_DEFAULT_WORKERS_PER_MODEL=1'
    }

    It 'describes a serverless endpoint' {
        $text = Get-IRJobStep nightly-resnet50 | Select-Object -Last 1 | Format-List | Out-String -Width 120
        $text | Should -Match 'ServerlessConfig +: MemorySizeInMB 4096, MaxConcurrency 5'
        $text | Should -Match 'EndpointConfiguration +: serverless 4096 MB x5'
    }

    It 'stays within 80 columns, a long value going on below its label' {
        $text = Get-IRJobStep -JobName $wideJob -Status FAILED | Format-List | Out-String -Width 80
        foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 }
        ($text -replace '\s', '') | Should -Match 'FailureReason:Benchmarkfailed:themodelneeds140GBofacceleratormemory'
    }
}

Describe 'The job tables' {
    BeforeAll {
        $jobView = Get-TableView IRSteps.Model.InferenceRecommendationsJob IRSteps.Model.InferenceRecommendationsJob
        $jobWide = Get-TableView IRSteps.Model.InferenceRecommendationsJob Wide
        $wholeView = Get-TableView IRSteps.Model.DescribeInferenceRecommendationsJobResponse IRSteps.Model.DescribeInferenceRecommendationsJobResponse
        $wholeWide = Get-TableView IRSteps.Model.DescribeInferenceRecommendationsJobResponse Wide
        $jobs = @(Get-IRJob)
    }

    It 'lists jobs at <Width> columns: status, created, completed, the name whole (wrapped where it must be)' -ForEach @(
        @{ Width = 79 }, @{ Width = 80 }, @{ Width = 120 }
    ) {
        $table = Assert-Table -Text ($jobs | Out-String -Width $Width) -Width $Width -View $jobView

        $table.Rows.Count | Should -Be $jobs.Count
        $table.Rows | ForEach-Object { $_[3] } | Should -Be $jobs.JobName
        $table.Rows[3] | Should -Be @('COMPLETED', '2024-11-28 10:33', '2024-11-28 11:58', 'nightly-resnet50')
        $table.Rows[1] | Should -Be @('IN_PROGRESS', '2024-11-30 07:00', '', 'running-job')
        $table.Rows[-1] | Should -Be @('STOPPED', '2024-06-01 00:00', '2024-06-01 01:45', $wideJob)
    }

    It 'lists jobs in the Wide view at <Width> columns with their type and model, the model package when there is no model' -ForEach @(
        @{ Width = 119 }, @{ Width = 120 }
    ) {
        $table = Assert-Table -Text ($jobs | Format-Table -View Wide | Out-String -Width $Width) -Width $Width -View $jobWide

        $table.Header | Should -Be @('Status', 'JobType', 'Created (UTC)', 'Completed (UTC)', 'Model', 'JobName')
        $table.Rows[2] | Should -Be @('FAILED', 'Default', '2024-11-29 10:33', '2024-11-29 11:03', 'bert-base/3', 'nightly-bert-base')
        $table.Rows[-1] | Should -Be @('STOPPED', 'Advanced', '2024-06-01 00:00', '2024-06-01 01:45', 'llama-2-70b-chat-fine-tuned-customer-support/12', $wideJob)
    }

    It 'shows whole jobs at <Width> columns: status, completed, recommendations counted, the name whole' -ForEach @(
        @{ Width = 79 }, @{ Width = 80 }, @{ Width = 120 }
    ) {
        $whole = @('nightly-resnet50', $wideJob, 'running-job' | Get-IRJob)
        $table = Assert-Table -Text ($whole | Out-String -Width $Width) -Width $Width -View $wholeView

        $table.Rows[0] | Should -Be @('COMPLETED', '2024-11-28 11:58', '3', 'nightly-resnet50')
        $table.Rows[1] | Should -Be @('STOPPED', '2024-06-01 01:45', '2', $wideJob)
        $table.Rows[2] | Should -Be @('IN_PROGRESS', '', '0', 'running-job')
    }

    It 'shows whole jobs in the Wide view at <Width> columns with their creation and the existing endpoints' -ForEach @(
        @{ Width = 119 }, @{ Width = 120 }
    ) {
        $whole = @('nightly-resnet50', $wideJob | Get-IRJob)
        $table = Assert-Table -Text ($whole | Format-Table -View Wide | Out-String -Width $Width) -Width $Width -View $wholeWide

        foreach ($label in $wholeView.Labels) { $wholeWide.Labels | Should -Contain $label }
        $table.Rows[0] | Should -Be @('COMPLETED', '2024-11-28 10:33', '2024-11-28 11:58', '3', 'resnet50-prod', 'nightly-resnet50')
        $table.Rows[1] | Should -Be @('STOPPED', '2024-06-01 00:00', '2024-06-01 01:45', '2', 'llama-2-70b-chat-production-endpoint-us-east-1-blue-green-01', $wideJob)
    }
}

Describe 'The job lists' {
    It 'lists everything of a listed job, FailureReason included, times in UTC' {
        $text = Get-IRJob -NameContain bert | Format-List | Out-String -Width 120

        $text | Should -Match 'FailureReason +: All benchmarks failed or were stopped'
        $text | Should -Match 'CreationTime +: 2024-11-29 10:33:20 UTC'
        $text | Should -Match 'ModelPackageVersionArn +: arn:aws:sagemaker:us-east-1:123456789012:model-package/bert-base/3'
        $text | Should -Match 'JobArn +: arn:aws:sagemaker:'
    }

    It 'lists a whole job with its recommendations and the existing endpoint''s figures, one line each' {
        $text = Get-IRJob nightly-resnet50 | Format-List | Out-String -Width 120

        $text | Should -Match 'InferenceRecommendations +: resnet50-rec-1: ml\.c5\.xlarge x1, 1450/min, 38 ms, \$0\.204/hour, \$2\.34/1M inferences'
        $text | Should -Match '(?m)^ +resnet50-rec-3: ml\.m5\.large x2, 1320/min, 45 ms'
        $text | Should -Match 'EndpointPerformances +: resnet50-prod: 1180/min, 52 ms'
        $text | Should -Match 'StoppingConditions +: MaxInvocations 3000, ModelLatency P95 100 ms, FlatInvocations Stop'
        $text | Should -Match 'EndpointConfigurations +: ml\.c5\.xlarge, ml\.c5\.2xlarge'
    }

    It 'stays within 80 columns with the wide job, wrapping what is longer' {
        $text = Get-IRJob $wideJob | Format-List | Out-String -Width 80
        foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 }
        ($text -replace '\s', '') | Should -Match ([regex]::Escape("$wideJob/Q7mZp2Xa:ml.p4d.24xlargex2,10176/min,1875ms,`$75.377/hour,`$123.456/1Minferences"))
    }
}

Describe 'The recommendation and endpoint performance tables' {
    BeforeAll {
        $recommendationView = Get-TableView IRSteps.Model.InferenceRecommendation IRSteps.Model.InferenceRecommendation
        $recommendationWide = Get-TableView IRSteps.Model.InferenceRecommendation Wide
        $endpointView = Get-TableView IRSteps.Model.EndpointPerformance IRSteps.Model.EndpointPerformance
        $endpointWide = Get-TableView IRSteps.Model.EndpointPerformance Wide
        $job = Get-IRJob $wideJob
        $resnet = Get-IRJob nightly-resnet50
    }

    It 'shows recommendations at <Width> columns: costs, invocations, latency, instances, the id whole' -ForEach @(
        @{ Width = 79 }, @{ Width = 80 }, @{ Width = 120 }
    ) {
        $table = Assert-Table -Text ($job.InferenceRecommendations | Out-String -Width $Width) -Width $Width -View $recommendationView

        $table.Rows[0] | Should -Be @('15.7066', '5.9899', '43700', '1042', 'ml.inf2.48xlarge x1', "$wideJob/3y2QuB4W")
        $table.Rows[1] | Should -Be @('75.377', '123.456', '10176', '1875', 'ml.p4d.24xlarge x2', "$wideJob/Q7mZp2Xa")
        $table = Assert-Table -Text ($resnet.InferenceRecommendations | Out-String -Width $Width) -Width $Width -View $recommendationView
        $table.Rows[0] | Should -Be @('0.204', '2.34', '1450', '38', 'ml.c5.xlarge x1', 'resnet50-rec-1')
    }

    It 'shows recommendations in the Wide view at <Width> columns, the cost per inference and utilisation added' -ForEach @(
        @{ Width = 119 }, @{ Width = 120 }
    ) {
        $table = Assert-Table -Text ($job.InferenceRecommendations | Format-Table -View Wide | Out-String -Width $Width) -Width $Width -View $recommendationWide

        foreach ($label in $recommendationView.Labels) { $recommendationWide.Labels | Should -Contain $label }
        $table.Rows[0] | Should -Be @('15.7066', '0.0000059899', '5.9899', '43700', '1042', '38.5', '71.3', 'ml.inf2.48xlarge x1', "$wideJob/3y2QuB4W")
    }

    It 'shows the existing endpoints at <Width> columns, the name whole' -ForEach @(
        @{ Width = 79 }, @{ Width = 80 }, @{ Width = 120 }
    ) {
        $table = Assert-Table -Text ($job.EndpointPerformances | Out-String -Width $Width) -Width $Width -View $endpointView
        $table.Rows[0] | Should -Be @('1250', '2460', 'llama-2-70b-chat-production-endpoint-us-east-1-blue-green-01')

        $table = Assert-Table -Text ($job.EndpointPerformances | Format-Table -View Wide | Out-String -Width $Width) -Width $Width -View $endpointWide
        $table.Rows[0] | Should -Be @('1250', '2460', 'llama-2-70b-chat-production-endpoint-us-east-1-blue-green-01')
    }
}

Describe 'In a real terminal: pwsh inside tmux, 80 columns wide' {
    BeforeAll {
        # build.ps1 Test installs tmux when it is missing (a Debian package); a machine without it fails here,
        # it is not skipped. Windows has no tmux: there the test is reported skipped, with the reason.
        $tmux = if (-not $IsWindows) { (Get-Command tmux -CommandType Application -ErrorAction Ignore | Select-Object -First 1).Source }
        $socket = 'irsteps-views-' + [Guid]::NewGuid().ToString('N').Substring(0, 12)
        $flag = Join-Path ([IO.Path]::GetTempPath()) "$socket.go"
        $names = @(
            'dynamic-resnet50-nightly-benchmark-against-the-production-ep-01'
            'dynamic-resnet50-nightly-benchmark-against-the-production-ep-02'
        )

        function Invoke-Tmux {
            # Runs tmux on this test's own server (-L socket): other tmux sessions on the machine are not touched.
            $output = & $tmux -L $socket @args 2>&1
            if ($LASTEXITCODE -ne 0) { throw "tmux $($args -join ' ') failed ($LASTEXITCODE): $output" }
            $output
        }

        function Wait-Screen {
            # The pane's text (what the terminal shows, scrollback included) once it matches, polled.
            param([scriptblock] $Until, [int] $Seconds = 60)
            $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
            do {
                $screen = @(Invoke-Tmux capture-pane -p -t views -S - -E -)
                if (& $Until $screen) { return $screen }
                Start-Sleep -Milliseconds 150
            } while ([DateTime]::UtcNow -lt $deadline)
            throw "The terminal did not show what was awaited in $Seconds s. It shows:`n$($screen -join "`n")"
        }

        if ($tmux) {
            # What a user types at the prompt, one command after the other, each to the console (Out-Host).
            $script = Join-Path ([IO.Path]::GetTempPath()) "$socket.ps1"
            Set-Content -Path $script -Encoding utf8 -Value @"
Import-Module '$ModuleManifest'
Get-IRJobStep -JobName '$wideJob' | Out-Host
Get-IRJob | Out-Host
'IRSTEPS-TABLES-SHOWN'
while (-not (Test-Path '$flag')) { Start-Sleep -Milliseconds 100 }
'$($names[0])', '$($names[1])' | Wait-IRJob -PollInterval 0.3 | Out-Null
'IRSTEPS-WAIT-ENDED'
Start-Sleep -Seconds 120
"@
            $pwsh = (Get-Process -Id $PID).Path
            $command = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { "'$pwsh' '$(Join-Path $PSHOME 'pwsh.dll')'" } else { "'$pwsh'" }
            # The server starts with this process's environment (the emulator's endpoint and test key), without
            # NO_COLOR, so that pwsh draws its progress bars as it does for a user.
            $savedNoColor = $env:NO_COLOR
            Remove-Item Env:NO_COLOR -ErrorAction Ignore
            try {
                Invoke-Tmux -f /dev/null new-session -d -s views -x 80 -y 50 "$command -NoProfile -NoLogo -File '$script'"
            }
            finally {
                if ($null -ne $savedNoColor) { $env:NO_COLOR = $savedNoColor }
            }
            $tables = Wait-Screen { param($s) $s -contains 'IRSTEPS-TABLES-SHOWN' }
        }
    }

    AfterAll {
        if ($tmux) {
            & $tmux -L $socket kill-server 2>&1 | Out-Null
            Remove-Item -Force -ErrorAction Ignore $script, $flag
        }
    }

    BeforeEach {
        if (-not $tmux) {
            if ($IsWindows) { Set-ItResult -Skipped -Because 'tmux does not run on Windows' }
            else { throw 'tmux is not on the PATH: build.ps1 Test installs it (apt-get install tmux), or install it yourself.' }
        }
    }

    It 'shows the step table whole: one header line, no line wrapped, every value in full' {
        $text = $tables -join "`n"
        $text = $text.Substring(0, $text.IndexOf('IRSTEPS-TABLES-SHOWN'))
        $stepsText = $text.Substring(0, $text.IndexOf("`nStatus      Created (UTC)"))
        $table = Assert-Table -Text $stepsText -Width 80 -View $stepView

        $table.Group | Should -Be $wideJob
        $table.Rows.Count | Should -Be 7
        $table.Rows[0] | Should -Be @('COMPLETED', '15.7066', '5.9899', '43700', '35.0x', '1042', '0.42x', 'ml.inf2.48xlarge x1')
        $table.Rows[1] | Should -Be @('COMPLETED', '75.377', '123.456', '10176', '8.14x', '1875', '0.76x', 'ml.p4d.24xlarge x2')
        $table.Rows[2] | Should -Be @('COMPLETED', '247.80', '41.2345', '100160', '', '2048', '', 'ml.trn1n.32xlarge x10')
        $table.Rows[6] | Should -Be @('COMPLETED', '0.00', '987.654', '310', '0.25x', '8750', '3.56x', 'serverless 6GB x200')
    }

    It 'shows the job table with every column, the long name wrapped below, not cut' {
        $text = $tables -join "`n"
        $text = $text.Substring(0, $text.IndexOf('IRSTEPS-TABLES-SHOWN'))
        $jobsText = $text.Substring($text.IndexOf("`nStatus      Created (UTC)"))
        $view = Get-TableView IRSteps.Model.InferenceRecommendationsJob IRSteps.Model.InferenceRecommendationsJob
        $table = Assert-Table -Text $jobsText -Width 80 -View $view

        $table.Rows[-1] | Should -Be @('STOPPED', '2024-06-01 00:00', '2024-06-01 01:45', $wideJob)
    }

    It 'shows Wait-IRJob''s bars with each job''s name first, two long names told apart' {
        foreach ($name in $names) { New-IRStepsEmulatorJob $emulator -JobName $name -Steps 3 -PhaseMs 1500 }
        Set-Content -Path $flag -Value 'go'

        $screen = Wait-Screen -Seconds 30 { param($s) @($s | Where-Object { $_ -match ' \[IN_PROGRESS: \d of 3 steps done' }).Count -eq 2 }
        $bars = @($screen | Where-Object { $_ -match ' \[IN_PROGRESS: \d of 3 steps done' } | Sort-Object)

        foreach ($bar in $bars) { $bar.TrimEnd().Length | Should -BeLessOrEqual 80 }
        # At 80 columns a bar gives its activity 40: the name's start and its end around an ellipsis.
        $bars[0] | Should -Match "^dynamic-resnet50-ni\u2026the-production-ep-01 \["
        $bars[1] | Should -Match "^dynamic-resnet50-ni\u2026the-production-ep-02 \["
        Wait-Screen -Seconds 60 { param($s) $s -contains 'IRSTEPS-WAIT-ENDED' } | Out-Null
    }
}
