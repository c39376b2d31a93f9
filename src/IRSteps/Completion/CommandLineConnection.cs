using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IRSteps.Contract;
using IRSteps.Session;

namespace IRSteps.Completion
{
    /// <summary>
    /// The connection a command line would use, for the completers: its AWS parameters as typed, with the session's
    /// AWS.Tools defaults, as the command itself would take them.
    /// </summary>
    internal static class CommandLineConnection
    {
        public static ConnectionRequest From(IDictionary? fakeBoundParameters)
        {
            var request = new ConnectionRequest
            {
                Region = Text(fakeBoundParameters, nameof(ConnectionRequest.Region)),
                AccessKey = Text(fakeBoundParameters, nameof(ConnectionRequest.AccessKey)),
                SecretKey = Text(fakeBoundParameters, nameof(ConnectionRequest.SecretKey)),
                SessionToken = Text(fakeBoundParameters, nameof(ConnectionRequest.SessionToken)),
                ProfileName = Text(fakeBoundParameters, nameof(ConnectionRequest.ProfileName)),
                ProfileLocation = Text(fakeBoundParameters, nameof(ConnectionRequest.ProfileLocation)),
                Credential = Value(fakeBoundParameters, nameof(ConnectionRequest.Credential)),
                EndpointUrl = Text(fakeBoundParameters, nameof(ConnectionRequest.EndpointUrl)),
            };
            return request.WithSessionDefaults(SessionVariable);
        }

        /// <summary>
        /// The value typed for a parameter of the cmdlet base (its parameters are named as ConnectionRequest's members).
        /// PowerShell's pseudo-binding keys fakeBoundParameters by the parameter's own name, whichever alias or prefix was
        /// typed (-RegionToCall, -AK), in Windows PowerShell 5.1 as in PowerShell 7.
        /// </summary>
        public static object? Value(IDictionary? bound, string name) =>
            bound != null && bound.Contains(name) ? PSValue.Unwrap(bound[name]) : null;

        public static string? Text(IDictionary? bound, string name) => Value(bound, name)?.ToString();

        /// <summary>
        /// A variable of the prompt's session. Completion runs on the pipeline thread of a running pipeline, where
        /// Runspace.SessionStateProxy refuses calls; a nested command in the current runspace may read it.
        /// </summary>
        private static object? SessionVariable(string name)
        {
            if (Runspace.DefaultRunspace == null) return null;
            using (PowerShell powershell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                var values = powershell.AddCommand("Microsoft.PowerShell.Utility\\Get-Variable")
                    .AddParameter("Name", name).AddParameter("ValueOnly").AddParameter("ErrorAction", ActionPreference.Ignore)
                    .Invoke();
                return values.Count == 0 ? null : values[0];
            }
        }
    }
}
