<#
.SYNOPSIS
    Prints what the flattened step properties cost against the alternatives: a ScriptProperty from type data
    (what IRSteps.types.ps1xml would have held) and the script block a user writes without either.
.DESCRIPTION
    In-process, no emulator: 100,000 steps built in memory, each pipeline run 5 times, medians printed in
    milliseconds with the ratio to the C# property. Run after build.ps1 Build:
        dotnet pwsh -NoProfile -File bench/Flattened-Properties.ps1
#>
param([int] $Steps = 100000, [int] $Runs = 5)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/IRSteps/IRSteps.psd1')

# The same values through the two other routes.
Update-TypeData -TypeName IRSteps.Model.InferenceRecommendationsJobStep -MemberType ScriptProperty -MemberName ScriptCostPerInference `
    -Value { $this.InferenceBenchmark.Metrics.CostPerInference } -Force
Update-TypeData -TypeName IRSteps.Model.InferenceRecommendationsJobStep -MemberType ScriptProperty -MemberName ScriptModelLatency `
    -Value { $this.InferenceBenchmark.Metrics.ModelLatency } -Force

$random = [Random]::new(42)
$all = [System.Collections.Generic.List[object]]::new($Steps)
for ($i = 0; $i -lt $Steps; $i++) {
    $step = [IRSteps.Model.InferenceRecommendationsJobStep]::new()
    $step.JobName = 'bench'
    $step.Status = 'COMPLETED'
    $step.InferenceBenchmark = [IRSteps.Model.RecommendationJobInferenceBenchmark]::new()
    $step.InferenceBenchmark.Metrics = [IRSteps.Model.RecommendationMetrics]::new()
    $step.InferenceBenchmark.Metrics.CostPerInference = $random.NextDouble() / 100000
    $step.InferenceBenchmark.Metrics.ModelLatency = $random.Next(1, 200)
    $all.Add($step)
}

$cases = [ordered]@{
    'Sort-Object CostPerInference (C# property)'        = { $all | Sort-Object CostPerInference }
    'Sort-Object ScriptCostPerInference (type data)'    = { $all | Sort-Object ScriptCostPerInference }
    'Sort-Object { $_.InferenceBenchmark.Metrics... }'  = { $all | Sort-Object { $_.InferenceBenchmark.Metrics.CostPerInference } }
    'Where-Object ModelLatency -le 100 (C# property)'    = { $all | Where-Object ModelLatency -le 100 }
    'Where-Object ScriptModelLatency -le 100 (type data)' = { $all | Where-Object ScriptModelLatency -le 100 }
    'Where-Object { $_.InferenceBenchmark.Metrics... }' = { $all | Where-Object { $_.InferenceBenchmark.Metrics.ModelLatency -le 100 } }
}

$results = foreach ($name in $cases.Keys) {
    $times = foreach ($run in 1..$Runs) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = & $cases[$name]
        $clock.Elapsed.TotalMilliseconds
    }
    [pscustomobject]@{ Case = $name; MedianMs = [math]::Round((($times | Sort-Object)[[int][math]::Floor($Runs / 2)]), 1) }
}

"$Steps steps, median of $Runs runs, pwsh $($PSVersionTable.PSVersion)"
foreach ($group in @($results[0..2]), @($results[3..5])) {
    $reference = $group[0].MedianMs
    $group | Select-Object Case, MedianMs, @{ n = 'Ratio'; e = { '{0:0.00}x' -f ($_.MedianMs / $reference) } } | Format-Table -AutoSize | Out-String -Width 120
}
