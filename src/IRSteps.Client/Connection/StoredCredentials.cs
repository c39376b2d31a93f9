using Amazon.Runtime;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// What $StoredAWSCredentials holds. AWS.Tools' Set-AWSCredential leaves an AWSPSCredentials wrapper there
    /// (internal Credentials, Name and Source; ToString() gives the name), whose credentials belong to AWS.Tools'
    /// own AWSSDK.Core; scripts also set a plain profile name or an AWSCredentials object.
    /// </summary>
    internal sealed class StoredCredentials
    {
        private StoredCredentials()
        {
        }

        public bool Present { get; private set; }

        /// <summary>The credentials to use, when the variable holds some.</summary>
        public AWSCredentials? Credentials { get; private set; }

        /// <summary>The object whose identity keys the SDK client cache (the wrapped credentials object).</summary>
        public object? Identity { get; private set; }

        /// <summary>The wrapper's name (a profile name, or 'Environment Variables' and the like), for messages.</summary>
        public string? Name { get; private set; }

        /// <summary>The profile behind the credentials: the plain name, or the wrapper's name when its Source is Profile.</summary>
        public string? ProfileName { get; private set; }

        /// <summary>True when the variable is just a profile name, to be looked up like -ProfileName.</summary>
        public bool IsProfileName { get; private set; }

        public string? Describe { get; private set; }

        public static StoredCredentials Read(object? value)
        {
            var stored = new StoredCredentials { Present = value != null };
            switch (value)
            {
                case null:
                    return stored;
                case string name:
                    if (name.Trim().Length > 0)
                    {
                        stored.ProfileName = name.Trim();
                        stored.IsProfileName = true;
                    }

                    stored.Describe = "an empty string";
                    return stored;
            }

            AWSCredentials? direct = ForeignCredentials.FromObject(value);
            if (direct != null)
            {
                stored.Credentials = direct;
                stored.Identity = value;
                return stored;
            }

            object? inner = ForeignCredentials.ReadMember(value, "Credentials");
            stored.Credentials = ForeignCredentials.FromObject(inner);
            stored.Identity = inner;
            stored.Name = ForeignCredentials.ReadMember(value, "Name") as string;
            if (stored.Credentials != null && ForeignCredentials.ReadMember(value, "Source")?.ToString() == "Profile" && !string.IsNullOrEmpty(stored.Name))
            {
                stored.ProfileName = stored.Name;
            }

            stored.Describe = "a " + value.GetType().FullName;
            return stored;
        }
    }
}
