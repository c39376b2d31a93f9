# The PowerShell half of the conformance suite (dot-sourced by tests/Pester/Conformance.Tests.ps1):
#  - the conformance dump of IRSteps objects (the same conventions as lib/dump.mjs),
#  - a comparer that names the member path of every difference,
#  - the model check: every member of an official shape is a property of our class, same name, matching type,
#  - building a model object from a wire-form sample (to drive a marshaller with every member set),
#  - running the Node scripts of this folder.

$script:ConformanceRoot = $PSScriptRoot
$script:UnixEpoch = [DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)

function Invoke-ConformanceNode {
    # Runs one of this folder's Node scripts; throws with its error output when it fails.
    param([Parameter(Mandatory)] [string] $Script, [string[]] $ArgumentList)
    $errorFile = [IO.Path]::GetTempFileName()
    try {
        $output = & node (Join-Path $ConformanceRoot $Script) @ArgumentList 2> $errorFile
        if ($LASTEXITCODE -ne 0) {
            throw "node $Script failed ($LASTEXITCODE): $(Get-Content -Raw $errorFile) $output"
        }
        $output
    }
    finally {
        Remove-Item -Force -ErrorAction Ignore $errorFile
    }
}

function ConvertTo-ConformanceDump {
    # An IRSteps object as the conformance dump: absent (null) members absent, non-finite numbers as
    # 'NaN'/'Infinity'/'-Infinity', timestamps as epoch seconds rounded to the millisecond, lists in order.
    # Properties that are not service members (IServiceResponse.RequestId, and the read-only properties derived
    # from the members, such as a step's flattened InstanceType or LatencyVsEndpoint) are left out.
    param([AllowNull()] $Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [int] -or $Value -is [long]) { return $Value }
    if ($Value -is [double] -or $Value -is [float]) {
        $number = [double] $Value
        if ([double]::IsNaN($number)) { return 'NaN' }
        if ([double]::IsPositiveInfinity($number)) { return 'Infinity' }
        if ([double]::IsNegativeInfinity($number)) { return '-Infinity' }
        return $number
    }
    if ($Value -is [DateTime]) {
        return [Math]::Round(($Value.ToUniversalTime() - $UnixEpoch).TotalMilliseconds) / 1000
    }
    if ($Value -is [Collections.IDictionary]) {
        $map = [ordered]@{}
        foreach ($key in $Value.Keys) {
            $item = ConvertTo-ConformanceDump $Value[$key]
            if ($null -ne $item) { $map[[string] $key] = $item }
        }
        return $map
    }
    if ($Value -is [Collections.IEnumerable]) {
        # The comma keeps an empty or one-element list a list.
        return , @(foreach ($item in $Value) { ConvertTo-ConformanceDump $item })
    }
    $map = [ordered]@{}
    foreach ($property in $Value.GetType().GetProperties([Reflection.BindingFlags] 'Public,Instance')) {
        if ($property.Name -eq 'RequestId' -and $Value -is [IRSteps.Model.IServiceResponse]) { continue }
        if (-not $property.GetSetMethod()) { continue }
        $item = ConvertTo-ConformanceDump $property.GetValue($Value)
        if ($null -ne $item) { $map[$property.Name] = $item }
    }
    return $map
}

function Read-ConformanceJson {
    # Parses a conformance dump (either side's) into hashtables and lists, ready for Compare-ConformanceDump.
    param([Parameter(Mandatory, ValueFromPipeline)] [string] $Json)
    process { ConvertFrom-Json -InputObject $Json -AsHashtable -Depth 64 -NoEnumerate }
}

function Format-ConformanceValue {
    param([AllowNull()] $Value)
    if ($null -eq $Value) { return 'absent' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [Collections.IDictionary]) { return '{' + (@($Value.Keys) -join ', ') + '}' }
    if ($Value -is [Collections.IList]) { return "a list of $($Value.Count)" }
    return [string] $Value
}

function Compare-ConformanceDump {
    # Compares two parsed dumps member by member; returns one line per difference, naming its member path.
    param(
        [AllowNull()] $Expected,
        [AllowNull()] $Actual,
        [string] $Path = '',
        [string] $ExpectedName = 'expected',
        [string] $ActualName = 'actual'
    )
    $where = if ($Path) { $Path } else { '(whole value)' }
    if ($null -eq $Expected -and $null -eq $Actual) { return }
    if ($null -eq $Expected -or $null -eq $Actual) {
        return "${where}: $ExpectedName $(Format-ConformanceValue $Expected), $ActualName $(Format-ConformanceValue $Actual)"
    }
    if ($Expected -is [Collections.IDictionary]) {
        if ($Actual -isnot [Collections.IDictionary]) {
            return "${where}: $ExpectedName an object, $ActualName $(Format-ConformanceValue $Actual)"
        }
        $names = [Collections.Generic.List[string]]::new()
        foreach ($name in @($Expected.Keys) + @($Actual.Keys)) { if (-not $names.Contains($name)) { $names.Add($name) } }
        foreach ($name in $names) {
            $childPath = if ($Path) { "$Path.$name" } else { $name }
            Compare-ConformanceDump $Expected[$name] $Actual[$name] $childPath $ExpectedName $ActualName
        }
        return
    }
    if ($Expected -is [Collections.IList] -and $Expected -isnot [string]) {
        if ($Actual -isnot [Collections.IList] -or $Actual -is [string]) {
            return "${where}: $ExpectedName a list, $ActualName $(Format-ConformanceValue $Actual)"
        }
        if ($Expected.Count -ne $Actual.Count) {
            return "${where}: $ExpectedName $($Expected.Count) elements, $ActualName $($Actual.Count)"
        }
        for ($i = 0; $i -lt $Expected.Count; $i++) {
            Compare-ConformanceDump $Expected[$i] $Actual[$i] "$where[$i]" $ExpectedName $ActualName
        }
        return
    }
    $bothNumbers = ($Expected -is [ValueType] -and $Expected -isnot [bool]) -and ($Actual -is [ValueType] -and $Actual -isnot [bool])
    $same = if ($bothNumbers) { [double] $Expected -eq [double] $Actual } else {
        $Expected.GetType() -eq $Actual.GetType() -and $Expected -ceq $Actual
    }
    if (-not $same) {
        "${where}: $ExpectedName $(Format-ConformanceValue $Expected), $ActualName $(Format-ConformanceValue $Actual)"
    }
}

# Shapes whose class is named otherwise on purpose (shape name -> class name); set by the test file.
$script:ClassNameExceptions = @{}

# The CLR type that models each official scalar type. The model's float (and double) are double? here on
# purpose: the value on the wire (0.2, not 0.200000003) is then the value a script compares, and no value
# of a float can be lost. Scalars are nullable so that an absent member is $null, never 0.
$script:ScalarTypes = @{
    string    = @([string])
    integer   = @([Nullable[int]])
    long      = @([Nullable[long]])
    float     = @([Nullable[double]])
    double    = @([Nullable[double]])
    numeric   = @([Nullable[int]], [Nullable[long]], [Nullable[double]])   # a member aws-sdk v2 does not know yet
    boolean   = @([Nullable[bool]])
    timestamp = @([Nullable[DateTime]])
}

function Get-ModelMismatch {
    # Checks our class against an official shape, recursively; returns one line per problem, each naming the
    # official member path ('RecommendationMetrics.CostPerHour') so that a member AWS adds fails by its name.
    param(
        [Parameter(Mandatory)] $Model,
        [Parameter(Mandatory)] [string] $Shape,
        [Parameter(Mandatory)] [type] $Type,
        [Collections.Generic.HashSet[string]] $Checked = [Collections.Generic.HashSet[string]]::new()
    )
    if (-not $Checked.Add("$Shape=$($Type.FullName)")) { return }
    if ($Type.Name -ne $Shape -and $ClassNameExceptions[$Shape] -ne $Type.Name) {
        "${Shape}: modelled by $($Type.FullName); the class should be named $Shape, like the shape"
    }
    $official = $Model.Shapes[$Shape]
    $flags = [Reflection.BindingFlags] 'Public,Instance'
    foreach ($member in $official.Members) {
        $property = $Type.GetProperty($member.Name, $flags)
        if (-not $property) {
            "$Shape.$($member.Name): missing from $($Type.FullName) (official type $(Format-OfficialType $member))"
            continue
        }
        if (-not ($property.CanRead -and $property.GetSetMethod())) {
            "$Shape.$($member.Name): $($Type.FullName).$($member.Name) must have a public getter and setter"
        }
        Get-TypeMismatch -Model $Model -Official $member -ClrType $property.PropertyType -Path "$Shape.$($member.Name)" -Checked $Checked
    }
    $known = @($official.Members | ForEach-Object Name)
    foreach ($property in $Type.GetProperties($flags)) {
        if ($known -contains $property.Name) { continue }
        if ($property.Name -eq 'RequestId' -and [IRSteps.Model.IServiceResponse].IsAssignableFrom($Type)) { continue }
        # Read-only properties are derived from the members (a step's flattened InstanceType ...), not members.
        if (-not $property.GetSetMethod()) { continue }
        "$Shape.$($property.Name): $($Type.FullName) has a member the official shape does not"
    }
}

function Format-OfficialType {
    param($Official)
    switch ($Official.Type) {
        'structure' { return $Official.Shape }
        'list' { return "list of $(Format-OfficialType $Official.Element)" }
        'map' { return "map of $(Format-OfficialType $Official.Value)" }
        default { return $Official.Type }
    }
}

function Get-TypeMismatch {
    # One member's type (or a list element's, or a map value's) against its official type.
    param($Model, $Official, [type] $ClrType, [string] $Path, $Checked, [switch] $Element)
    $expected = Format-OfficialType $Official
    if ($ScalarTypes.ContainsKey($Official.Type)) {
        $allowed = @($ScalarTypes[$Official.Type])
        # Inside a list or map a scalar may be non-nullable (List<int>): elements are never absent.
        if ($Element) { $allowed += @($allowed | ForEach-Object { if ([Nullable]::GetUnderlyingType($_)) { [Nullable]::GetUnderlyingType($_) } }) }
        if ($allowed -notcontains $ClrType) {
            "${Path}: is $(Format-ClrType $ClrType), the official type is $expected (expected $((@($allowed | ForEach-Object { Format-ClrType $_ })) -join ' or '))"
        }
        return
    }
    switch ($Official.Type) {
        'structure' {
            if (-not $ClrType.IsClass -or $ClrType -eq [string]) { return "${Path}: is $(Format-ClrType $ClrType), the official type is the structure $expected" }
            Get-ModelMismatch -Model $Model -Shape $Official.Shape -Type $ClrType -Checked $Checked
        }
        'list' {
            if (-not ($ClrType.IsGenericType -and $ClrType.GetGenericTypeDefinition() -eq [Collections.Generic.List`1])) {
                return "${Path}: is $(Format-ClrType $ClrType), the official type is a $expected (expected a List<T>)"
            }
            Get-TypeMismatch -Model $Model -Official $Official.Element -ClrType $ClrType.GetGenericArguments()[0] -Path "$Path[]" -Checked $Checked -Element
        }
        'map' {
            if (-not ($ClrType.IsGenericType -and $ClrType.GetGenericTypeDefinition() -eq [Collections.Generic.Dictionary`2] -and $ClrType.GetGenericArguments()[0] -eq [string])) {
                return "${Path}: is $(Format-ClrType $ClrType), the official type is a $expected (expected a Dictionary<string, T>)"
            }
            Get-TypeMismatch -Model $Model -Official $Official.Value -ClrType $ClrType.GetGenericArguments()[1] -Path "$Path{}" -Checked $Checked -Element
        }
        default { "${Path}: the official type $expected has no IRSteps mapping yet" }
    }
}

function Format-ClrType {
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return "$($underlying.Name)?" }
    if ($Type.IsGenericType) {
        return ($Type.Name -replace '`\d+$', '') + '<' + (($Type.GetGenericArguments() | ForEach-Object { Format-ClrType $_ }) -join ', ') + '>'
    }
    return $Type.Name
}

function Get-OfficialMemberPath {
    # Every member path of a shape, recursively ('Steps[].InferenceBenchmark.Metrics.CostPerHour').
    param([Parameter(Mandatory)] $Model, [Parameter(Mandatory)] [string] $Shape, [string] $Prefix = '', [string[]] $Visiting = @())
    if ($Visiting -contains $Shape) { return }
    foreach ($member in $Model.Shapes[$Shape].Members) {
        $path = if ($Prefix) { "$Prefix.$($member.Name)" } else { $member.Name }
        $path
        $type = $member
        while ($type.Type -in 'list', 'map') {
            $path += if ($type.Type -eq 'list') { '[]' } else { '{}' }
            $type = if ($type.Type -eq 'list') { $type.Element } else { $type.Value }
        }
        if ($type.Type -eq 'structure') {
            Get-OfficialMemberPath -Model $Model -Shape $type.Shape -Prefix $path -Visiting ($Visiting + $Shape)
        }
    }
}

function Get-DumpMemberPath {
    # Every member path present in a parsed dump, in the same notation (lists as '[]').
    param([AllowNull()] $Dump, [string] $Prefix = '')
    if ($Dump -is [Collections.IDictionary]) {
        foreach ($name in $Dump.Keys) {
            $path = if ($Prefix) { "$Prefix.$name" } else { $name }
            $path
            Get-DumpMemberPath $Dump[$name] $path
        }
    }
    elseif ($Dump -is [Collections.IList] -and $Dump -isnot [string]) {
        foreach ($item in $Dump) { Get-DumpMemberPath $item "$Prefix[]" }
    }
}

function ConvertFrom-ConformanceDump {
    # Builds an IRSteps model object from a wire-form value (as lib/sample.mjs makes them): members our class
    # lacks are skipped (the model check names them), timestamps are epoch seconds.
    param([Parameter(Mandatory)] [type] $Type, [AllowNull()] $Value)
    if ($null -eq $Value) { return $null }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    $target = if ($underlying) { $underlying } else { $Type }
    if ($target -eq [DateTime]) { return $UnixEpoch.AddTicks([long] ([double] $Value * 1e7)) }
    if ($target -eq [string] -or $target.IsPrimitive) { return $Value -as $target }
    if ($target.IsGenericType -and $target.GetGenericTypeDefinition() -eq [Collections.Generic.List`1]) {
        $list = [Activator]::CreateInstance($target)
        foreach ($item in $Value) { $list.Add((ConvertFrom-ConformanceDump -Type $target.GetGenericArguments()[0] -Value $item)) }
        return , $list
    }
    if ($target.IsGenericType -and $target.GetGenericTypeDefinition() -eq [Collections.Generic.Dictionary`2]) {
        $map = [Activator]::CreateInstance($target)
        foreach ($key in $Value.Keys) { $map[$key] = ConvertFrom-ConformanceDump -Type $target.GetGenericArguments()[1] -Value $Value[$key] }
        return , $map
    }
    $result = [Activator]::CreateInstance($target)
    foreach ($name in $Value.Keys) {
        $property = $target.GetProperty($name)
        if ($property -and $property.GetSetMethod()) {
            $property.SetValue($result, (ConvertFrom-ConformanceDump -Type $property.PropertyType -Value $Value[$name]))
        }
    }
    return $result
}

function Get-IRStepsClient {
    # The client the cmdlets use, from the module's own client loader (internal, hence reflection), so that
    # every operation can be called with every member set, whether or not a cmdlet exposes it.
    param([Parameter(Mandatory)] [string] $EndpointUrl, [Parameter(Mandatory)] [string] $AccessKey, [string] $Region = 'us-east-1')
    $loader = [IRSteps.Model.IServiceResponse].Assembly.GetType('IRSteps.Loading.ClientLoader', $true)
    $factory = $loader.GetProperty('Factory', [Reflection.BindingFlags] 'Public,NonPublic,Static').GetValue($null)
    $factory.Create([IRSteps.Contract.ConnectionRequest] @{
            AccessKey   = $AccessKey
            SecretKey   = Get-IRStepsEmulatorSecret -AccessKey $AccessKey
            Region      = $Region
            EndpointUrl = $EndpointUrl
        })
}

function Invoke-IRStepsOperation {
    # Calls one operation on the client: IRecommenderClient.<Operation>Async(<Operation>Request).
    param([Parameter(Mandatory)] $Client, [Parameter(Mandatory)] [string] $Operation, [Parameter(Mandatory)] $Request)
    $Client."${Operation}Async"($Request, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
}

function Get-IRStepsModelType {
    # An IRSteps model class by name, or $null.
    param([Parameter(Mandatory)] [string] $Name)
    [IRSteps.Model.IServiceResponse].Assembly.GetType("IRSteps.Model.$Name")
}
