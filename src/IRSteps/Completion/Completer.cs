using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IRSteps.Completion
{
    /// <summary>
    /// What every completer of the module shares: the word as typed, without the quote the user may have opened, and
    /// the rule that completion never fails the prompt. Whatever goes wrong (unreadable profile files, a client that
    /// cannot load, no credentials, no network), no completion is the answer, and the command itself will say why.
    /// </summary>
    public abstract class Completer : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Complete(Words.Unquote(wordToComplete), fakeBoundParameters).ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        /// <summary>The completions of what is typed (unquoted), with the parameters already on the command line.</summary>
        internal abstract IEnumerable<CompletionResult> Complete(string typed, IDictionary fakeBoundParameters);
    }
}
