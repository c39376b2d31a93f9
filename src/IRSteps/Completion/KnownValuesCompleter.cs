using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IRSteps.Validation;

namespace IRSteps.Completion
{
    /// <summary>
    /// Completes an enum-like parameter from the values the service knows today, the same list the cmdlets check
    /// input against (<see cref="ServiceValues"/>). The parameter itself stays an open string (no ValidateSet): a
    /// value the service adds later still reaches it.
    /// </summary>
    public abstract class KnownValuesCompleter : IArgumentCompleter
    {
        private readonly string[] values;

        protected KnownValuesCompleter(params string[] values)
        {
            this.values = values;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = Words.Unquote(wordToComplete);
            return values
                .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value))
                .ToList();
        }
    }
}
