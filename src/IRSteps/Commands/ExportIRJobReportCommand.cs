using System.Globalization;
using System.Management.Automation;
using IRSteps.Errors;
using IRSteps.Report;

namespace IRSteps.Commands
{
    /// <summary>
    /// Export-IRJobReport: writes the steps and jobs piped in as one self-contained HTML report, a section per job
    /// (HtmlReport). It calls no service, so it derives from PSCmdlet, not from the AWS cmdlet base.
    /// SupportsShouldProcess: -WhatIf writes nothing; an existing file is replaced only with -Force.
    /// </summary>
    [Cmdlet(VerbsData.Export, "IRJobReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class ExportIRJobReportCommand : PSCmdlet
    {
        private readonly ReportCollector collector = new ReportCollector();
        private string? fullPath;

        /// <summary>The HTML file to write; a relative path is from the current location. Not a wildcard.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("LiteralPath", "FilePath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>Steps (Get-IRJobStep), jobs (Get-IRJob, Wait-IRJob), live or deserialized.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject InputObject { get; set; } = null!;

        [Parameter]
        public string? Title { get; set; }

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            // The target is checked before anything is read, so a report that cannot be written stops the pipeline
            // before the commands feeding it have called AWS.
            try
            {
                fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out ProviderInfo provider, out PSDriveInfo _);
                if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                {
                    throw new IRStepsReportException(ErrorIds.ReportNotWritable, Path,
                        "Cannot write the report to " + Path + ": it is a path of the " + provider.Name + " provider, not a file.");
                }

                ReportFile.Check(fullPath, Force);
            }
            catch (IRStepsReportException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(exception, Path));
            }
            catch (System.Exception exception) when (exception is SessionStateException || exception is System.NotSupportedException || exception is System.ArgumentException)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(
                    new IRStepsReportException(ErrorIds.ReportNotWritable, Path, "Cannot write the report to " + Path + ": " + exception.Message, exception), Path));
            }
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            if (ReportInput.TryAdd(collector, InputObject)) return;

            string type = InputObject.TypeNames.Count > 0 ? InputObject.TypeNames[0] : InputObject.BaseObject.GetType().FullName;
            WriteError(ErrorRecordFactory.InvalidInput(ErrorIds.InvalidReportInput,
                "Export-IRJobReport takes steps (Get-IRJobStep) and jobs (Get-IRJob, Wait-IRJob), or their copies from Import-Clixml; "
                + "this is " + type + ". Pipe the output of those commands, not job names or selected properties.", InputObject));
        }

        protected override void EndProcessing()
        {
            string html = HtmlReport.Write(collector.Jobs, Title);
            if (collector.Jobs.Count == 0) WriteWarning("No steps or jobs were given: the report says only that.");

            string what = "Write an HTML report of " + Plural(collector.Jobs.Count, "job") + " and " + Plural(collector.StepCount, "step");
            if (!ShouldProcess(fullPath, what)) return;

            try
            {
                ReportFile.Write(fullPath, html, Force);
            }
            catch (IRStepsReportException exception)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromException(exception, Path));
            }

            WriteVerbose("Export-IRJobReport wrote " + fullPath + " (" + Plural(collector.Jobs.Count, "job") + ", " + Plural(collector.StepCount, "step") + ").");
        }

        private static string Plural(int count, string noun) =>
            count.ToString("#,##0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
