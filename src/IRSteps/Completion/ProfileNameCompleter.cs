using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
    public sealed class ProfileNameCompleter : Completer
    {
        internal override IEnumerable<CompletionResult> Complete(string typed, IDictionary fakeBoundParameters)
        {
            string? location = CommandLineConnection.Text(fakeBoundParameters, nameof(ConnectionRequest.ProfileLocation));
            return Words.StartingWithFirst(
                    ClientLoader.Factory.Profiles(location).Where(profile => profile.Key.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0),
                    profile => profile.Key, typed)
                .Select(profile => new CompletionResult(Words.Quote(profile.Key), profile.Key, CompletionResultType.ParameterValue, profile.Key + ": " + profile.Value));
        }
    }
}
