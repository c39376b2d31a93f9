# The ERROR IDS table of about_IRSteps (as shipped in out/IRSteps/en-US) against the code: the same ids as
# [IRSteps.Errors.ErrorIds], both ways, and for every id the code gives a category, that category.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'

    function Get-ErrorIdTable {
        # The entries under ERROR IDS, after the rule below their legend. An entry is an id and its category on one
        # line, then "When" and "Do" paragraphs, each continued on lines indented below its text:
        #     InvalidJobName            InvalidArgument
        #       When  A job name breaks ...
        #             ... continued
        #       Do    Correct the name ...
        # The section ends at the next header in capitals.
        param([Parameter(Mandatory)] [string] $Path)
        $rows = [ordered]@{}
        $inSection = $false
        $inTable = $false
        $current = $null
        $field = $null
        foreach ($line in Get-Content -Path $Path) {
            if ($line -match '^ERROR IDS\s*$') { $inSection = $true; continue }
            if ($inSection -and $line -match '^[A-Z][A-Z ]+$') { break }
            if (-not $inSection) { continue }
            if (-not $inTable) { $inTable = $line -match '^    -{20,}$'; continue }
            if ($line -match '^    (?<id>\w+) +(?<category>\w.*)$') {
                $current = [pscustomobject]@{ ErrorId = $Matches.id; Category = $Matches.category.Trim(); When = ''; WhatToDo = '' }
                $rows[$Matches.id] = $current
                $field = $null
            }
            elseif ($current -and $line -match '^      (?<label>When|Do) +(?<text>\S.*)$') {
                $field = if ($Matches.label -eq 'When') { 'When' } else { 'WhatToDo' }
                $current.$field = $Matches.text.Trim()
            }
            elseif ($current -and $field -and $line -match '^ {12}(?<text>\S.*)$') {
                $current.$field = $current.$field + ' ' + $Matches.text.Trim()
            }
            elseif ($line.Trim()) {
                throw "about_IRSteps ERROR IDS: a line that is no part of an entry: '$line'"
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
