using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IRSteps.Contract;
using IRSteps.Loading;

namespace IRSteps.Completion
{
    /// <summary>
    /// -ProfileName of every cmdlet: the profiles of the files the command would read (-ProfileLocation as typed,
    /// else the SDK store where there is one and the shared credentials and config files the environment names),
    /// names that start with what is typed before those that only contain it; the tooltip says what the profile
    /// holds (static keys, a role, SSO, ...) and its region, never a key. Nothing is sent anywhere.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                              CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                string typed = Words.Unquote(wordToComplete);
                string? location = CommandLineConnection.Text(fakeBoundParameters, nameof(ConnectionRequest.ProfileLocation));
                IReadOnlyList<KeyValuePair<string, string>> profiles = ClientLoader.Factory.Profiles(location);
                return profiles
                    .Where(profile => profile.Key.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                    .OrderBy(profile => profile.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .Select(profile => new CompletionResult(Words.Quote(profile.Key), profile.Key, CompletionResultType.ParameterValue, profile.Key + ": " + profile.Value))
                    .ToList();
            }
            catch (Exception)
            {
                // Unreadable files, or the module's AWS client could not load: no completion, and the command itself will say why.
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
