# Dot-sourced (after common.ps1) by the credential, region, endpoint and isolation tests: profile files in the
# test's temporary folder, what the emulator saw, child pwsh processes, and the shapes AWS.Tools leaves behind.

function Set-TestProfileFile {
    # Writes the shared credentials and config files named by the (temporary) AWS_* environment.
    param([string] $Credentials, [string] $Config)
    $utf8 = New-Object System.Text.UTF8Encoding($false)
    if ($PSBoundParameters.ContainsKey('Credentials')) { [IO.File]::WriteAllText($env:AWS_SHARED_CREDENTIALS_FILE, $Credentials, $utf8) }
    if ($PSBoundParameters.ContainsKey('Config')) { [IO.File]::WriteAllText($env:AWS_CONFIG_FILE, $Config, $utf8) }
}

function Get-TestKeyLine {
    # 'aws_access_key_id = X' and the secret the emulator accepts for X, as profile lines.
    param([Parameter(Mandatory)] [string] $AccessKey)
    "aws_access_key_id = $AccessKey`naws_secret_access_key = $(Get-IRStepsEmulatorSecret $AccessKey)"
}

function Get-EmulatorCall {
    # The requests the emulator saw since its last reset (all, or one operation's), one object each.
    # (Get-IRStepsEmulatorRequest writes the log as one array: @() around it would always count 1.)
    param([Parameter(Mandatory)] $Emulator, [string] $Operation)
    $log = if ($Operation) { Get-IRStepsEmulatorRequest $Emulator -Operation $Operation } else { Get-IRStepsEmulatorRequest $Emulator }
    foreach ($request in $log) { $request }
}

function Get-SignedRequest {
    # The SageMaker requests the emulator saw since its last reset: who signed them, for which region.
    param([Parameter(Mandatory)] $Emulator)
    Get-EmulatorCall $Emulator -Operation ListInferenceRecommendationsJobSteps
}

function Get-OwnAwsCredential {
    # An AWSCredentials object of the module's own AWSSDK.Core, the copy in its private load context.
    param([Parameter(Mandatory)] [string] $AccessKey)
    $ownCore = [System.Runtime.Loader.AssemblyLoadContext]::All |
        Where-Object { $_ -ne [System.Runtime.Loader.AssemblyLoadContext]::Default } |
        ForEach-Object { $_.Assemblies } |
        Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
        Select-Object -First 1
    if (-not $ownCore) { throw 'The module has not loaded its AWSSDK.Core yet: run one Get-IRJobStep first.' }
    $type = $ownCore.GetType('Amazon.Runtime.BasicAWSCredentials', $true)
    [Activator]::CreateInstance($type, [object[]] @($AccessKey, (Get-IRStepsEmulatorSecret $AccessKey)))
}

# AWS.Tools' AWSPSCredentials and AWSRegion, shape for shape (what Set-AWSCredential stores in $StoredAWSCredentials): internal
# Credentials, Name and Source, ToString() giving the name. {0} is the type of Credentials.
$script:AWSPSCredentialsSource = @'
namespace Amazon.PowerShell.Common
{{
    public enum CredentialsSource {{ Strings, Profile, CredentialsObject, Session, Environment, Container, InstanceProfile, Unknown }}

    public class AWSPSCredentials
    {{
        internal {0} Credentials {{ get; private set; }}
        internal string Name {{ get; private set; }}
        internal CredentialsSource Source {{ get; private set; }}

        internal AWSPSCredentials({0} credentials, string name, CredentialsSource source)
        {{
            Credentials = credentials;
            Name = name;
            Source = source;
        }}

        public static AWSPSCredentials Create({0} credentials, string name, CredentialsSource source)
        {{
            return new AWSPSCredentials(credentials, name, source);
        }}

        public override string ToString() {{ return Name; }}
    }}

    // What Get-AWSRegion and Get-DefaultAWSRegion return.
    public class AWSRegion
    {{
        public AWSRegion(string region, string name) {{ Region = region; Name = name; }}
        public string Region {{ get; private set; }}
        public string Name {{ get; private set; }}
        public override string ToString() {{ return Region; }}
    }}
}}
'@

function New-StoredAWSCredential {
    # What Set-AWSCredential leaves in $StoredAWSCredentials, around the given credentials object.
    param([Parameter(Mandatory)] $Credentials, [string] $Name = 'Supplied Key Parameters', [string] $Source = 'Strings')
    Add-AWSToolsShape
    [Amazon.PowerShell.Common.AWSPSCredentials]::Create($Credentials, $Name, $Source)
}

function New-AWSRegionObject {
    # What Get-AWSRegion returns (an AWSRegion, printing as its system name).
    param([Parameter(Mandatory)] [string] $Region, [string] $Name = 'Test Region')
    Add-AWSToolsShape
    [Amazon.PowerShell.Common.AWSRegion]::new($Region, $Name)
}

function Add-AWSToolsShape {
    if (-not ('Amazon.PowerShell.Common.AWSPSCredentials' -as [type])) {
        Add-Type -TypeDefinition ($script:AWSPSCredentialsSource -f 'object')
    }
}

function Get-OtherAwsSdkCorePath {
    # Another AWSSDK.Core from the NuGet cache (restored by tests/Tools/Tools.csproj), as AWS.Tools would load it.
    param([Parameter(Mandatory)] [string] $Version)
    $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $path = Join-Path $cache "awssdk.core/$Version/lib/net8.0/AWSSDK.Core.dll"
    if (-not (Test-Path $path)) {
        & dotnet restore (Join-Path $RepoRoot 'tests/Tools/Tools.csproj') --nologo --verbosity quiet | Out-Null
    }
    if (-not (Test-Path $path)) { throw "AWSSDK.Core $Version is not in the NuGet cache at $path (tests/Tools/Tools.csproj restores it)." }
    $path
}

function Invoke-ChildPwsh {
    # Runs a script in a fresh pwsh (same PowerShell as this one) with the current environment plus -Environment,
    # feeding -InputText to its standard input. Returns ExitCode, Output (stdout lines) and Errors (stderr).
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $InputText = '',
        [switch] $NonInteractive,
        [int] $TimeoutSeconds = 120
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("irsteps-child-" + [Guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script -Encoding utf8
    try {
        $host_ = (Get-Process -Id $PID).Path
        $psi = New-Object System.Diagnostics.ProcessStartInfo
        $psi.FileName = $host_
        $prefix = if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { '"' + (Join-Path $PSHOME 'pwsh.dll') + '" ' } else { '' }
        $psi.Arguments = $prefix + '-NoProfile -NoLogo ' + $(if ($NonInteractive) { '-NonInteractive ' }) + '-File "' + $file + '"'
        $psi.UseShellExecute = $false
        $psi.RedirectStandardInput = $true
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.WorkingDirectory = $RepoRoot
        foreach ($name in $Environment.Keys) {
            if ($null -eq $Environment[$name]) { [void]$psi.Environment.Remove($name) } else { $psi.Environment[$name] = [string]$Environment[$name] }
        }
        $psi.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.StandardInput.Write($InputText)
        $process.StandardInput.Close()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill()
            throw "The child pwsh did not finish in $TimeoutSeconds s."
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @($stdout.Result -split "`r?`n" | Where-Object { $_ -ne '' })
            Errors   = $stderr.Result
        }
    }
    finally {
        Remove-Item -Force -ErrorAction Ignore $file
    }
}
