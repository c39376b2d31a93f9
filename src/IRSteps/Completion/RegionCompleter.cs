using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IRSteps.Loading;

namespace IRSteps.Completion
{
    /// <summary>
    /// -Region of every cmdlet: the regions the AWS SDK knows (the first Tab loads it, without any request), by
    /// system name, or by display name ("frank" finds eu-central-1); the display name is the tooltip.
    /// </summary>
    public sealed class RegionCompleter : Completer
    {
        internal override IEnumerable<CompletionResult> Complete(string typed, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<KeyValuePair<string, string>> regions = ClientLoader.Factory.Regions();
            return regions
                .Where(region => region.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Concat(regions.Where(region => !region.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) &&
                                                (region.Value ?? string.Empty).IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0))
                .Select(region => new CompletionResult(region.Key, region.Key, CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(region.Value) ? region.Key : region.Value));
        }
    }
}
