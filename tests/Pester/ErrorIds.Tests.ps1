# The ERROR IDS table of about_IRSteps (as shipped in out/IRSteps/en-US) against the code: the same ids as
# [IRSteps.Errors.ErrorIds], both ways, and for every id the code gives a category, that category.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'

    function Get-ErrorIdTable {
        # Rows of the table under ERROR IDS (after its "ErrorId | Category | ..." header): a row starts with an id in the first cell; continuation lines
        # (empty first cell) add to the cells above. The section ends at the next header in capitals.
        param([Parameter(Mandatory)] [string] $Path)
        $rows = [ordered]@{}
        $inSection = $false
        $inTable = $false
        $current = $null
        foreach ($line in Get-Content -Path $Path) {
            if ($line -match '^ERROR IDS\s*$') { $inSection = $true; continue }
            if ($inSection -and $line -match '^[A-Z][A-Z ]+$') { break }
            if (-not $inSection -or $line -notmatch '\|') { continue }
            $cells = @($line.Split('|') | ForEach-Object { $_.Trim() })
            if ($cells[0] -eq 'ErrorId') { $inTable = $true; continue }
            if (-not $inTable -or $cells[0] -match '^-+$') { continue }
            if ($cells[0]) {
                $current = [pscustomobject]@{ ErrorId = $cells[0]; Category = $cells[1]; When = $cells[2]; WhatToDo = $cells[3] }
                $rows[$cells[0]] = $current
            }
            elseif ($current) {
                $current.Category = ($current.Category + ' ' + $cells[1]).Trim()
                $current.When = ($current.When + ' ' + $cells[2]).Trim()
                $current.WhatToDo = ($current.WhatToDo + ' ' + $cells[3]).Trim()
            }
        }
        $rows
    }

    $helpFile = Join-Path (Split-Path $ModuleManifest) 'en-US/about_IRSteps.help.txt'
    $table = Get-ErrorIdTable -Path $helpFile
    $codeIds = @([IRSteps.Errors.ErrorIds].GetFields('Public, Static') | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) })

    # The categories the code gives, from the module's own ErrorRecordFactory (internal: reached by reflection).
    $factory = [IRSteps.Errors.ErrorIds].Assembly.GetType('IRSteps.Errors.ErrorRecordFactory', $true)
    $fromException = $factory.GetMethod('FromException')
    $codeCategories = @{}
    function Add-CodeCategory([string] $Id, [string] $Category) {
        if (-not $codeCategories.ContainsKey($Id)) { $codeCategories[$Id] = [System.Collections.Generic.HashSet[string]]::new() }
        [void]$codeCategories[$Id].Add($Category)
    }
    foreach ($kind in [Enum]::GetValues([IRSteps.Errors.ServiceErrorKind])) {
        $record = $fromException.Invoke($null, @([IRSteps.Errors.IRStepsServiceException]::new($kind, 'x'), 'job'))
        Add-CodeCategory $record.FullyQualifiedErrorId $record.CategoryInfo.Category
    }
    foreach ($id in $codeIds) {
        $record = $fromException.Invoke($null, @([IRSteps.Errors.IRStepsConfigurationException]::new($id, 'x'), 'job'))
        if ($record.CategoryInfo.Category -ne 'NotSpecified' -and -not $codeCategories.ContainsKey($id)) { Add-CodeCategory $id $record.CategoryInfo.Category }
    }
    foreach ($id in 'InvalidJobName', 'InvalidParameter') {
        Add-CodeCategory $id ($factory.GetMethod('InvalidArgument').Invoke($null, @($id, 'x', 'job'))).CategoryInfo.Category
    }
}

Describe 'about_IRSteps ERROR IDS' {
    It 'ships with the module' {
        $helpFile | Should -Exist
        Get-Help about_IRSteps -ErrorAction Ignore | Should -Not -BeNullOrEmpty
    }

    It 'lists every id in [IRSteps.Errors.ErrorIds]' {
        $missing = @($codeIds | Where-Object { -not $table.Contains($_) })
        $missing | Should -BeNullOrEmpty -Because 'every ErrorId the code can write is documented'
    }

    It 'lists no id the code does not have' {
        $extra = @($table.Keys | Where-Object { $_ -cnotin $codeIds })
        $extra | Should -BeNullOrEmpty -Because 'the table documents real ids only'
        $table.Count | Should -Be $codeIds.Count
    }

    It 'gives each id a real ErrorCategory, a when and a what to do' {
        foreach ($row in $table.Values) {
            foreach ($category in $row.Category -split ',\s*') {
                [Enum]::IsDefined([System.Management.Automation.ErrorCategory], $category) | Should -BeTrue -Because "'$category' of $($row.ErrorId) is an ErrorCategory"
            }
            $row.When | Should -Not -BeNullOrEmpty -Because "$($row.ErrorId) says when"
            $row.WhatToDo | Should -Not -BeNullOrEmpty -Because "$($row.ErrorId) says what to do"
        }
    }

    It 'gives each id the category the code gives it' {
        $codeCategories.Count | Should -BeGreaterThan 10
        foreach ($entry in $codeCategories.GetEnumerator()) {
            $documented = @($table[$entry.Key].Category -split ',\s*')
            foreach ($category in $entry.Value) {
                $documented | Should -Contain $category -Because "the code writes $($entry.Key) as $category"
            }
            $documented.Count | Should -Be $entry.Value.Count -Because "$($entry.Key) is documented with the categories the code gives it, no more"
        }
    }
}
