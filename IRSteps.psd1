@{
    RootModule             = 'IRSteps.dll'
    # Written by build.ps1 from Directory.Build.props (the one version source).
    ModuleVersion          = '0.0.0'
    GUID                   = '5f0c6a53-8d3e-4c5b-9a51-2f7f6b8e1c42'
    Author                 = 'IRSteps contributors'
    CompanyName            = 'IRSteps contributors'
    Copyright              = '(c) IRSteps contributors. Apache License 2.0.'
    Description            = 'Amazon SageMaker Inference Recommender from PowerShell: list benchmark steps with the metrics of your existing endpoint beside them (Get-IRJobStep), find, describe, wait for and stop recommendation jobs. Typed objects, streamed pages, AWS PowerShell credential and region resolution.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport        = @('Export-IRJobReport', 'Get-IRJob', 'Get-IRJobStep', 'Stop-IRJob', 'Wait-IRJob')
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
            ReleaseNotes = 'See README.md.'
        }
    }
}
