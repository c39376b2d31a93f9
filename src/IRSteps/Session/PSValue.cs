using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;

namespace IRSteps.Session
{
    /// <summary>Values as PowerShell hands them over: a variable, a bound argument or a pipeline object may come wrapped.</summary>
    internal static class PSValue
    {
        /// <summary>The object a PowerShell value stands for: a PSObject's base object, anything else as it is.</summary>
        [return: NotNullIfNotNull("value")]
        public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
