# Turns the help sources in en-US (one Markdown file per cmdlet, plus SharedParameters.md for the
# parameters every cmdlet shares) into the MAML file Get-Help reads. Dot-sourced by build.ps1 (task Help).
#
# The Markdown carries only prose; what a parameter is (type, position, pipeline input, aliases, sets) is read
# from the compiled cmdlet, so it can never disagree with the code. Format of a cmdlet's file:
#
#   # Get-IRJobStep
#   ## SYNOPSIS            one paragraph
#   ## DESCRIPTION         paragraphs
#   ## EXAMPLES
#   ### Example 1: title   then a ```powershell fence (the code) and paragraphs (the remarks)
#   ## PARAMETERS
#   ### -Name              paragraphs; a line "Default value: x" becomes the default shown
#   ## INPUTS / ## OUTPUTS
#   ### Type.Name          paragraphs
#   ## NOTES               paragraphs
#   ## RELATED LINKS       "- about_IRSteps" or "- [text](https://...)" lines
#
# Paragraphs are separated by blank lines. Lines of a paragraph are joined, except in a list ("- " lines),
# an indented block or a ``` fence, whose lines are kept as they are.
#
# Width. Get-Help prints a paragraph as one line and a console cuts it wherever the line ends, mid-word. So the
# MAML's prose is word-wrapped here to fit a console of 80 columns (79 usable) after the indentation Get-Help
# gives each section: 4 for the synopsis, description and examples, 8 for parameters, inputs, outputs and
# notes. Kept lines (lists, indented blocks, example code) are written as they are: the sources keep them short
# enough (tests/Pester/Help.Tests.ps1 renders every cmdlet's help at 80 columns).

Set-StrictMode -Version 3.0

function Read-MarkdownHelp {
    # Parses one help source into a hashtable of its sections.
    param([Parameter(Mandatory)] [string] $Path)

    $help = @{
        Name = $null; Synopsis = @(); Description = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}; Inputs = [ordered]@{}; Outputs = [ordered]@{}; Notes = @(); Links = @()
    }
    $section = $null
    $sub = $null
    $buffer = [System.Collections.Generic.List[string]]::new()

    $flush = {
        $paragraphs = @(ConvertTo-Paragraphs $buffer)
        $buffer.Clear()
        switch ($section) {
            'SYNOPSIS' { $help.Synopsis += $paragraphs }
            'DESCRIPTION' { $help.Description += $paragraphs }
            'NOTES' { $help.Notes += $paragraphs }
            'PARAMETERS' { if ($sub) { $help.Parameters[$sub] = @($help.Parameters[$sub]) + $paragraphs | Where-Object { $null -ne $_ } } }
            'INPUTS' { if ($sub) { $help.Inputs[$sub] = @($help.Inputs[$sub]) + $paragraphs | Where-Object { $null -ne $_ } } }
            'OUTPUTS' { if ($sub) { $help.Outputs[$sub] = @($help.Outputs[$sub]) + $paragraphs | Where-Object { $null -ne $_ } } }
            'EXAMPLES' { if ($help.Examples.Count) { $help.Examples[-1].Remarks += $paragraphs } }
            'RELATED LINKS' {
                foreach ($line in ($paragraphs -join "`n") -split "`n") {
                    if ($line -match '^\s*-\s*\[(?<text>[^\]]+)\]\((?<uri>[^)]+)\)') { $help.Links += @{ Text = $Matches.text; Uri = $Matches.uri } }
                    elseif ($line -match '^\s*-\s*(?<text>\S.*)$') { $help.Links += @{ Text = $Matches.text.Trim(); Uri = '' } }
                }
            }
        }
    }

    $lines = Get-Content -LiteralPath $Path -Encoding utf8
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^# (?<name>\S.*)$') { $help.Name = $Matches.name.Trim(); continue }
        if ($line -match '^## (?<name>\S.*)$') { & $flush; $section = $Matches.name.Trim().ToUpperInvariant(); $sub = $null; continue }
        if ($line -match '^### (?<name>\S.*)$') {
            & $flush
            $sub = $Matches.name.Trim()
            if ($section -eq 'PARAMETERS') { $sub = $sub.TrimStart('-') }
            if ($section -eq 'EXAMPLES') { $help.Examples.Add(@{ Title = $sub; Code = $null; Remarks = @() }) }
            continue
        }
        if ($section -eq 'EXAMPLES' -and $line -match '^```' -and $help.Examples.Count -and $null -eq $help.Examples[-1].Code) {
            # The example's code: everything up to the closing fence, verbatim.
            & $flush
            $code = [System.Collections.Generic.List[string]]::new()
            for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $code.Add($lines[$i]) }
            $help.Examples[-1].Code = $code -join "`n"
            continue
        }
        $buffer.Add($line)
    }
    & $flush
    return $help
}

function ConvertTo-Paragraphs {
    # Blank-line separated blocks; prose lines joined, lists, indented blocks and fences kept line by line.
    param([System.Collections.Generic.List[string]] $Lines)

    $block = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $emit = {
        if ($block.Count -eq 0) { return }
        $keep = $block | Where-Object { $_ -match '^\s*(- |\* |\d+\. )|^\s{2,}\S|^```' }
        if ($keep) { ($block | Where-Object { $_ -notmatch '^```' }) -join "`n" }
        else { ($block | ForEach-Object { $_.Trim() }) -join ' ' }
        $block.Clear()
    }

    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence; $block.Add($line); continue }
        if (-not $inFence -and -not $line.Trim()) { & $emit; continue }
        $block.Add($line)
    }
    & $emit
}

function Format-HelpParagraph {
    # Word-wraps prose to lines of at most Width characters; a kept block (lines joined by newlines) is left as is.
    param([string] $Text, [int] $Width)
    if ($Text.Contains("`n")) { return $Text }
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split ' ' | Where-Object { $_ }) {
        if ($line -and $line.Length + 1 + $word.Length -gt $Width) { $lines.Add($line); $line = $word }
        elseif ($line) { $line += ' ' + $word }
        else { $line = $word }
    }
    if ($line) { $lines.Add($line) }
    return $lines -join "`n"
}

function Format-ExampleTitle {
    # "--------- Example 1: title ---------", the dashes as many as fit in Width (none for a long title).
    param([string] $Title, [int] $Width)
    $dashes = [Math]::Min(26, [Math]::Floor(($Width - $Title.Length - 2) / 2))
    if ($dashes -lt 3) { return $Title }
    $rule = '-' * $dashes
    return "$rule $Title $rule"
}

function Get-HelpParameterText {
    # The paragraphs of a parameter, and its "Default value:" line taken apart.
    param($Paragraphs)
    $default = $null
    $text = foreach ($paragraph in @($Paragraphs)) {
        if ($paragraph -match '^Default value: (?<value>.+)$') { $default = $Matches.value.Trim() } else { $paragraph }
    }
    return @{ Paragraphs = @($text); Default = $default }
}

function New-MamlHelp {
    <#
    .SYNOPSIS
        Writes the MAML help of a module's cmdlets from their Markdown sources and their compiled metadata.
    .OUTPUTS
        The names of the cmdlets written, and warnings for documented parameters that do not exist.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo[]] $Command,
        [Parameter(Mandatory)] [string] $SourceFolder,
        [Parameter(Mandatory)] [string] $OutputPath
    )

    $shared = Read-MarkdownHelp (Join-Path $SourceFolder 'SharedParameters.md')
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputPath)
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

    # The widths left for text by Get-Help's indentation in a console of 80 columns (79 usable).
    $wide = 79 - 4
    $narrow = 79 - 8

    $paras = {
        param([string] $element, [string] $ns, $paragraphs, [int] $width)
        $writer.WriteStartElement($element, $ns)
        foreach ($p in @($paragraphs)) { if ($null -ne $p) { $writer.WriteElementString('para', $maml, (Format-HelpParagraph $p $width)) } }
        $writer.WriteEndElement()
    }

    $writeParameter = {
        param($parameter, $setMetadata, $text, [bool] $withDescription)
        $type = $parameter.ParameterType
        $underlying = [Nullable]::GetUnderlyingType($type)
        if ($underlying) { $type = $underlying }
        $pipeline = @()
        if ($setMetadata.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        if ($setMetadata.ValueFromPipeline) { $pipeline += 'ByValue' }
        $writer.WriteStartElement('parameter', $cmd)
        $writer.WriteAttributeString('required', ([string] $setMetadata.IsMandatory).ToLowerInvariant())
        $writer.WriteAttributeString('variableLength', 'true')
        $writer.WriteAttributeString('globbing', 'false')
        $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { 'True (' + ($pipeline -join ', ') + ')' } else { 'False' }))
        $writer.WriteAttributeString('position', $(if ($setMetadata.Position -ge 0) { [string] $setMetadata.Position } else { 'named' }))
        $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('name', $maml, $parameter.Name)
        if ($withDescription) { & $paras 'description' $maml $text.Paragraphs $narrow }
        if ($type -ne [System.Management.Automation.SwitchParameter]) {
            $writer.WriteStartElement('parameterValue', $cmd)
            $writer.WriteAttributeString('required', 'true')
            $writer.WriteAttributeString('variableLength', 'false')
            $writer.WriteString($type.Name)
            $writer.WriteEndElement()
        }
        $writer.WriteStartElement('type', $dev)
        $writer.WriteElementString('name', $maml, $type.FullName)
        $writer.WriteEndElement()
        $writer.WriteElementString('defaultValue', $dev, $(if ($text.Default) { $text.Default } else { 'None' }))
        $writer.WriteEndElement()
    }

    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $Command | Sort-Object Name) {
        $source = Join-Path $SourceFolder ($command.Name + '.md')
        if (-not (Test-Path -LiteralPath $source)) { Write-Warning "No help source for $($command.Name) ($source)."; continue }
        $help = Read-MarkdownHelp $source
        $parameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $common })
        foreach ($documented in $help.Parameters.Keys) {
            if ($documented -notin $parameters.Name) { Write-Warning "$($command.Name).md documents -$documented, which $($command.Name) does not have." }
        }
        $textOf = @{}
        foreach ($parameter in $parameters) {
            $source = if ($help.Parameters.Contains($parameter.Name)) { $help.Parameters[$parameter.Name] } elseif ($shared.Parameters.Contains($parameter.Name)) { $shared.Parameters[$parameter.Name] } else { @() }
            $textOf[$parameter.Name] = Get-HelpParameterText $source
        }

        $writer.WriteStartElement('command', 'command', $cmd)
        $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)

        $writer.WriteStartElement('details', $cmd)
        $writer.WriteElementString('name', $cmd, $command.Name)
        $writer.WriteElementString('verb', $cmd, $command.Verb)
        $writer.WriteElementString('noun', $cmd, $command.Noun)
        & $paras 'description' $maml $help.Synopsis $wide
        $writer.WriteEndElement()

        & $paras 'description' $maml $help.Description $wide

        $writer.WriteStartElement('syntax', $cmd)
        foreach ($set in $command.ParameterSets) {
            $writer.WriteStartElement('syntaxItem', $cmd)
            $writer.WriteElementString('name', $maml, $command.Name)
            # Positional parameters by position, then mandatory ones, then the rest in the order the cmdlet declares them.
            $declared = @($command.Parameters.Keys)
            $inSet = $set.Parameters | Where-Object { $_.Name -notin $common } |
                Sort-Object @{ e = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ e = { -not $_.IsMandatory } }, @{ e = { $declared.IndexOf($_.Name) } }
            foreach ($p in $inSet) {
                & $writeParameter $command.Parameters[$p.Name] $p $textOf[$p.Name] $false
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('parameters', $cmd)
        foreach ($parameter in $parameters) {
            # Position and pipeline input as in the first set that has the parameter (the same in every set here).
            $metadata = @($parameter.ParameterSets.Values)[0]
            & $writeParameter $parameter $metadata $textOf[$parameter.Name] $true
        }
        $writer.WriteEndElement()

        foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; From = $help.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; From = $help.Outputs })) {
            $writer.WriteStartElement($kind.List, $cmd)
            foreach ($typeName in $kind.From.Keys) {
                $writer.WriteStartElement($kind.Item, $cmd)
                $writer.WriteStartElement('type', $dev)
                $writer.WriteElementString('name', $maml, $typeName)
                $writer.WriteEndElement()
                & $paras 'description' $maml $kind.From[$typeName] $narrow
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
        }

        $writer.WriteStartElement('alertSet', $maml)
        $writer.WriteStartElement('alert', $maml)
        foreach ($p in $help.Notes) { $writer.WriteElementString('para', $maml, (Format-HelpParagraph $p $narrow)) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()

        $writer.WriteStartElement('examples', $cmd)
        foreach ($example in $help.Examples) {
            $writer.WriteStartElement('example', $cmd)
            # Get-Help puts a space before every title but the first.
            $writer.WriteElementString('title', $maml, (Format-ExampleTitle $example.Title ($wide - 1)))
            $writer.WriteElementString('code', $dev, $example.Code)
            & $paras 'remarks' $dev $example.Remarks $wide
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('relatedLinks', $cmd)
        foreach ($link in $help.Links) {
            $writer.WriteStartElement('navigationLink', $maml)
            $writer.WriteElementString('linkText', $maml, $link.Text)
            $writer.WriteElementString('uri', $maml, $link.Uri)
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteEndElement()
        $command.Name
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
    $writer.Dispose()
}
