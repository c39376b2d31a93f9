using System;
using System.Reflection;
using Amazon.Runtime;

namespace IRSteps.Client.Credentials
{
    /// <summary>
    /// An AWSCredentials object from another copy of AWSSDK.Core (AWS.Tools loads its own): we cannot
    /// cast it, so we ask it for its current keys by name each time, which keeps its refresh logic.
    /// </summary>
    internal sealed class ForeignCredentials : AWSCredentials
    {
        private readonly object source;
        private readonly MethodInfo getCredentials;

        private ForeignCredentials(object source, MethodInfo getCredentials)
        {
            this.source = source;
            this.getCredentials = getCredentials;
        }

        /// <summary>Wraps anything that has GetCredentials() returning AccessKey/SecretKey/Token; null otherwise.</summary>
        public static AWSCredentials TryWrap(object value)
        {
            if (value == null) return null;
            if (value is AWSCredentials own) return own;
            MethodInfo method = value.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            return method == null ? null : new ForeignCredentials(value, method);
        }

        public override ImmutableCredentials GetCredentials()
        {
            object keys = getCredentials.Invoke(source, null);
            if (keys == null) throw new AmazonClientException("The credential object returned no keys.");
            Type type = keys.GetType();
            string Read(string name) => type.GetProperty(name)?.GetValue(keys) as string;
            return new ImmutableCredentials(Read("AccessKey"), Read("SecretKey"), Read("Token"));
        }
    }
}
