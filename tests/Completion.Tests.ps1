# Tab completion: known values for enum-like parameters, live job names for -JobName.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-Completion([string] $line) {
        # What Tab offers at the end of the line.
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Enum-like parameters' {
    It 'completes every step status for -Status' {
        (Get-Completion 'Get-IRJobStep x -Status ').CompletionText |
            Should -Be @('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'STOPPING', 'STOPPED', 'DELETING', 'DELETED')
    }

    It 'completes from what is typed, in any case, quoted or not' {
        (Get-Completion 'Get-IRJobStep x -Status co').CompletionText | Should -Be 'COMPLETED'
        (Get-Completion "Get-IRJobStep x -Status 'stop").CompletionText | Should -Be @('STOPPING', 'STOPPED')
        (Get-Completion 'Get-IRJobStep x -StepType ').CompletionText | Should -Be 'BENCHMARK'
    }

    It 'offers values without restricting them (no ValidateSet: the service may add values)' {
        foreach ($name in 'Status', 'StepType') {
            $parameter = (Get-Command Get-IRJobStep).Parameters[$name]
            $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Should -BeNullOrEmpty
            $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | Should -Not -BeNullOrEmpty
        }
    }
}
