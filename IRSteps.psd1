@{
    RootModule             = 'IRSteps.dll'
    # A placeholder: build.ps1 writes the version of Directory.Build.props (the one version source) here.
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '5f0c6a53-8d3e-4c5b-9a51-2f7f6b8e1c42'
    Author                 = 'IRSteps contributors'
    CompanyName            = 'IRSteps contributors'
    Copyright              = '(c) IRSteps contributors. Apache License 2.0.'
    Description            = 'Amazon SageMaker Inference Recommender from PowerShell: list benchmark steps with the metrics of your existing endpoint beside them (Get-IRJobStep), find, describe, wait for and stop recommendation jobs. Typed objects, streamed pages, AWS PowerShell credential and region resolution.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport        = @('Export-IRJobReport', 'Get-IRJob', 'Get-IRJobStep', 'Stop-IRJob', 'Wait-IRJob',
                              'Start-IREmulator', 'Stop-IREmulator', 'Add-IREmulatorJob', 'Add-IREmulatorFault', 'Get-IREmulatorRequest')
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    FormatsToProcess       = @('IRSteps.format.ps1xml')
    TypesToProcess         = @('IRSteps.types.ps1xml')
    PrivateData            = @{
        PSData = @{
            Tags         = @('AWS', 'SageMaker', 'InferenceRecommender', 'MLOps', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/irsteps/IRSteps'
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = @'
The first release:
- Get-IRJobStep lists the benchmark steps of Inference Recommender jobs as typed objects, with your existing
  endpoint's metrics and the ratios to them beside each benchmark's (flattened, sortable properties such as
  InstanceType, ModelLatency, CostPerMillionInferences, LatencyVsEndpoint); pages streamed, or one at a time
  with -NoAutoIteration; several jobs read at once.
- Get-IRJob lists jobs with the service's filters, or gets the whole of given jobs; Wait-IRJob waits for jobs
  with a progress bar each; Stop-IRJob stops them (-WhatIf, -Confirm).
- Views that fit an 80-column console, Format-Table -View Wide for more; Get-Help for every cmdlet, and
  about_IRSteps.
- Credentials, region and endpoint found as AWS Tools for PowerShell finds them, every kind of profile; runs in
  Windows PowerShell 5.1 and PowerShell 7.4 and later, beside AWS.Tools.
'@
        }
    }
}
