# Bad input is refused before any request is sent, with a stable ErrorId, the right category and a message
# that says what to do. The emulator's request log proves that nothing was sent. The checks that apply to
# every cmdlet run over Get-Command -Module IRSteps, so a new cmdlet is covered when it is exported.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # The cmdlets that call AWS (credential, region and endpoint parameters); the emulator's have their own checks.
    $cmdlets = @(Get-Command -Module IRSteps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('AccessKey') } | ForEach-Object {
            @{ Name = $_.Name; HasJobName = $_.Parameters.ContainsKey('JobName') }
        })
    function Test-WithJobName($command, $parameter) {
        # True when the parameter can be given with -JobName (it shares a parameter set with it).
        if (-not $command.Parameters.ContainsKey('JobName')) { return $false }
        $sets = @($parameter.ParameterSets.Keys)
        if ($sets -contains '__AllParameterSets') { return $true }
        [bool]($sets | Where-Object { $command.Parameters['JobName'].ParameterSets.ContainsKey($_) -or $command.Parameters['JobName'].ParameterSets.ContainsKey('__AllParameterSets') })
    }
    $ranged = @(foreach ($command in Get-Command -Module IRSteps -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                if ([System.Management.Automation.Cmdlet]::CommonParameters.Contains($parameter.Name)) { continue }
                $range = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
                if (-not $range) { continue }
                $step = if ($range.MinRange -is [int]) { 1 } else { 0.01 }
                @{
                    Name = $command.Name; Parameter = $parameter.Name; WithJobName = (Test-WithJobName $command $parameter)
                    Below = $range.MinRange - $step; Above = $range.MaxRange + $step
                }
            }
        })
    $dated = @(foreach ($command in Get-Command -Module IRSteps -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.ParameterType -eq [datetime] -or $parameter.ParameterType -eq [Nullable[datetime]]) {
                    @{ Name = $command.Name; Parameter = $parameter.Name; WithJobName = (Test-WithJobName $command $parameter) }
                }
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # What a user has by default: the runner's Stop would turn the per-item errors under test into terminating ones.
    $ErrorActionPreference = 'Continue'
    $emulator = Start-IRStepsEmulator -Path $EmulatorDll
    Use-EmulatorCredential $emulator

    function Get-RequestCount {
        @(Get-IRStepsEmulatorRequest $emulator | ForEach-Object { $_ }).Count
    }

    function Invoke-IRCommand {
        # Calls a cmdlet of the module with the given parameters, as a user would (no prompt for ShouldProcess).
        param([Parameter(Mandatory)] [string] $Name, [hashtable] $Parameters = @{})
        $command = Get-Command -Module IRSteps -Name $Name
        if ($command.Parameters.ContainsKey('Confirm')) { $Parameters.Confirm = $false }
        & $Name @Parameters
    }
}

AfterAll {
    Stop-IRStepsEmulator $emulator
}

Describe 'Validation before any request' {
    BeforeEach {
        Reset-IRStepsEmulator $emulator
        Use-EmulatorCredential $emulator
    }

    Context 'every cmdlet: <Name>' -ForEach $cmdlets {
        It 'refuses a job name the service would refuse, per name, with InvalidJobName naming it' -Skip:(-not $HasJobName) {
            foreach ($bad in 'bad name!', '-leading-hyphen', 'trailing-hyphen-', ('x' * 65), 'under_score') {
                $errors = @(Invoke-IRCommand $Name @{ JobName = $bad } 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

                $errors.Count | Should -Be 1 -Because "'$bad' is refused once"
                $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobName,*'
                $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
                $errors[0].TargetObject | Should -Be $bad
                $errors[0].Exception.Message | Should -Match '1 to 64 letters, digits and hyphens'
            }
            Get-RequestCount | Should -Be 0
        }

        It 'refuses an empty job name at binding' -Skip:(-not $HasJobName) {
            { Invoke-IRCommand $Name @{ JobName = '' } } | Should -Throw -ErrorId 'ParameterArgumentValidationErrorEmptyStringNotAllowed*'
            Get-RequestCount | Should -Be 0
        }

        It 'refuses -AccessKey without -SecretKey with InvalidCredentials' {
            { Invoke-IRCommand $Name @{ JobName = 'nightly-resnet50'; AccessKey = 'AKIDTESTALONE' } } | Should -Throw -ErrorId 'InvalidCredentials,*'
            Get-RequestCount | Should -Be 0
        }

        It 'refuses an -EndpointUrl that is not http or https with InvalidEndpoint' {
            { Invoke-IRCommand $Name @{ JobName = 'nightly-resnet50'; EndpointUrl = 'ftp://127.0.0.1/' } } | Should -Throw -ErrorId 'InvalidEndpoint,*'
            Get-RequestCount | Should -Be 0
        }

        It 'refuses a region that is not a region name with InvalidRegion' {
            $thrown = { Invoke-IRCommand $Name @{ JobName = 'nightly-resnet50'; Region = 'us east 1' } } | Should -Throw -ErrorId 'InvalidRegion,*' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message | Should -Match "'us east 1'.*-Region.* is not a region name.*us-east-1"
            Get-RequestCount | Should -Be 0
        }

        It 'refuses a profile that does not exist with ProfileNotFound' {
            { Invoke-IRCommand $Name @{ JobName = 'nightly-resnet50'; ProfileName = 'no-such-profile-irsteps' } } | Should -Throw -ErrorId 'ProfileNotFound,*'
            Get-RequestCount | Should -Be 0
        }
    }

    Context '<Name> -<Parameter> out of range' -ForEach $ranged {
        It 'refuses <Below> and <Above> at binding, naming the parameter' {
            foreach ($value in $Below, $Above) {
                $arguments = @{ $Parameter = $value }
                if ($WithJobName) { $arguments.JobName = 'nightly-resnet50' }
                $thrown = { Invoke-IRCommand $Name $arguments } | Should -Throw -PassThru
                $thrown.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
                $thrown.Exception.Message | Should -Match "parameter '$Parameter'"
            }
            Get-RequestCount | Should -Be 0
        }
    }

    Context '<Name> -<Parameter> that is not a time' -ForEach $dated {
        It 'refuses ''not a time'' at binding, naming the parameter' {
            $arguments = @{ $Parameter = 'not a time' }
            if ($WithJobName) { $arguments.JobName = 'nightly-resnet50' }
            $thrown = { Invoke-IRCommand $Name $arguments } | Should -Throw -PassThru
            $thrown.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
            $thrown.Exception.Message | Should -Match "parameter '$Parameter'"
            Get-RequestCount | Should -Be 0
        }
    }

    Context 'Get-IRJob' {
        It 'refuses -<Parameter> ''<Value>'', listing the known values' -ForEach @(
            @{ Parameter = 'StatusEqual'; Value = 'done'; Lists = 'PENDING, IN_PROGRESS, COMPLETED, FAILED, STOPPING, STOPPED, DELETING, DELETED' }
            @{ Parameter = 'SortBy'; Value = 'creation time'; Lists = 'Name, CreationTime, Status' }
            @{ Parameter = 'SortOrder'; Value = 'down'; Lists = 'Ascending, Descending' }
        ) {
            $arguments = @{ $Parameter = $Value }
            $thrown = { Get-IRJob @arguments } | Should -Throw -ErrorId 'InvalidParameter,IRSteps.Commands.GetIRJobCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message | Should -Match ([regex]::Escape("-$Parameter '$Value'"))
            $thrown.Exception.Message | Should -Match ([regex]::Escape($Lists))
            Get-RequestCount | Should -Be 0
        }

        It 'accepts known values in any case and sends them as SageMaker spells them' {
            $jobs = Get-IRJob -StatusEqual completed -SortBy creationtime -SortOrder ascending

            $jobs | Should -Not -BeNullOrEmpty
            $body = (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobs)[0].Body | ConvertFrom-Json
            $body.StatusEquals | Should -Be 'COMPLETED'
            $body.SortBy | Should -Be 'CreationTime'
            $body.SortOrder | Should -Be 'Ascending'
        }

        It 'refuses a time window the wrong way round (-<After> later than -<Before>)' -ForEach @(
            @{ After = 'CreationTimeAfter'; Before = 'CreationTimeBefore' }
            @{ After = 'LastModifiedTimeAfter'; Before = 'LastModifiedTimeBefore' }
        ) {
            $arguments = @{ $After = [datetime]'2024-06-02T00:00:00Z'; $Before = [datetime]'2024-06-01T00:00:00Z' }
            $thrown = { Get-IRJob @arguments } | Should -Throw -ErrorId 'InvalidParameter,IRSteps.Commands.GetIRJobCommand' -PassThru
            $thrown.Exception.Message | Should -Match "-$After \(2024-06-02 00:00:00Z\) is later than -$Before \(2024-06-01 00:00:00Z\)"
            Get-RequestCount | Should -Be 0
        }
    }

    Context 'Get-IRJobStep' {
        It 'refuses a -Status that is no step status, listing the ones there are' {
            $errors = $null
            Get-IRJobStep nightly-resnet50 -Status 'done' -ErrorAction SilentlyContinue -ErrorVariable errors

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,IRSteps.Commands.GetIRJobStepCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be 'nightly-resnet50'
            $errors[0].Exception.Message | Should -Match "-Status 'done' is not a step status .*PENDING, IN_PROGRESS, COMPLETED, FAILED, STOPPING, STOPPED, DELETING, DELETED"
            Get-RequestCount | Should -Be 0
        }

        It 'refuses a -StepType that is no step type' {
            $errors = $null
            Get-IRJobStep nightly-resnet50 -StepType 'bench mark' -ErrorAction SilentlyContinue -ErrorVariable errors

            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,IRSteps.Commands.GetIRJobStepCommand'
            $errors[0].Exception.Message | Should -Match "-StepType 'bench mark' is not a step type .*BENCHMARK"
            Get-RequestCount | Should -Be 0
        }

        It 'accepts known values in any case and sends them as SageMaker spells them' {
            $steps = Get-IRJobStep nightly-resnet50 -Status completed -StepType Benchmark

            $steps.Count | Should -Be 7
            $body = (Get-IRStepsEmulatorRequest $emulator -Operation ListInferenceRecommendationsJobSteps)[0].Body | ConvertFrom-Json
            $body.Status | Should -Be 'COMPLETED'
            $body.StepType | Should -Be 'BENCHMARK'
        }

        It 'passes a value in SageMaker''s style it does not know yet, for the service to judge' {
            $errors = $null
            Get-IRJobStep nightly-resnet50 -Status ARCHIVED -ErrorAction SilentlyContinue -ErrorVariable errors

            Get-RequestCount | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'ServiceValidation,IRSteps.Commands.GetIRJobStepCommand'
            $errors[0].Exception.Message | Should -Match 'Member must satisfy enum value set'
        }

        It 'refuses a non-number -MaxResult at binding' {
            $thrown = { Get-IRJobStep nightly-resnet50 -MaxResult 'ten' } | Should -Throw -PassThru
            $thrown.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
            $thrown.Exception.Message | Should -Match "parameter 'MaxResult'.*""ten"""
            Get-RequestCount | Should -Be 0
        }

        It 'refuses an empty -NextTokenVariable at binding' {
            { Get-IRJobStep nightly-resnet50 -NoAutoIteration -NextTokenVariable '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Get-RequestCount | Should -Be 0
        }

        It 'goes on with the next piped name after a bad one, bad names costing no request' {
            $errors = $null
            $steps = 'bad name!', 'legacy-no-endpoint', '', 'x_y' | Get-IRJobStep -ErrorAction SilentlyContinue -ErrorVariable errors

            $steps.Count | Should -Be 4
            $errors.Count | Should -Be 3
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobStepCommand'
            $errors[1].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationErrorEmptyStringNotAllowed,*'
            $errors[2].FullyQualifiedErrorId | Should -Be 'InvalidJobName,IRSteps.Commands.GetIRJobStepCommand'
            Get-RequestCount | Should -Be 1
        }
    }
}
