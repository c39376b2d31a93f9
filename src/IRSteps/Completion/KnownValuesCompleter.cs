using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>
    /// Completes an enum-like parameter from the values the service knows today, the same list the cmdlets check
    /// input against (<see cref="ServiceValues"/>). The parameter itself stays an open string (no ValidateSet): a
    /// value the service adds later still reaches it.
    /// </summary>
    public abstract class KnownValuesCompleter : Completer
    {
        private readonly string[] values;

        protected KnownValuesCompleter(params string[] values)
        {
            this.values = values;
        }

        internal override IEnumerable<CompletionResult> Complete(string typed, IDictionary fakeBoundParameters) =>
            values
                .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value));
    }
}
