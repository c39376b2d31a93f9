using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace IRSteps.Client.Connection
{
    /// <summary>
    /// An AWSCredentials object from another copy of AWSSDK.Core (AWS.Tools loads its own, often another
    /// version; on PowerShell 7 even the same file loaded outside our load context is another type): we cannot
    /// cast it, so we ask it for its current keys by name on every call, which keeps its own refresh logic
    /// (assume-role, SSO) working in its own copy of the SDK.
    /// </summary>
    internal sealed class ForeignCredentials : AWSCredentials
    {
        private const string CredentialsTypeName = "Amazon.Runtime.AWSCredentials";
        private const BindingFlags AnyInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        private static readonly ConditionalWeakTable<object, object> Identities = new ConditionalWeakTable<object, object>();
        private static long lastIdentity;

        private readonly object source;
        private readonly MethodInfo getCredentials;
        private readonly MethodInfo getCredentialsAsync;

        private ForeignCredentials(object source)
        {
            this.source = source;
            Type type = source.GetType();
            getCredentials = type.GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            getCredentialsAsync = type.GetMethod("GetCredentialsAsync", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
        }

        /// <summary>The foreign object's type, for messages.</summary>
        public string SourceType => source.GetType().FullName + " (" + source.GetType().Assembly.GetName().Name + " " + source.GetType().Assembly.GetName().Version + ")";

        /// <summary>
        /// Our AWSCredentials as they are; another copy's AWSCredentials (any class deriving from a type named
        /// Amazon.Runtime.AWSCredentials) wrapped; anything else null.
        /// </summary>
        public static AWSCredentials? FromObject(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case AWSCredentials own:
                    return own;
            }

            for (Type type = value.GetType(); type != null; type = type.BaseType)
            {
                if (type.FullName == CredentialsTypeName) return new ForeignCredentials(value);
            }

            return null;
        }

        /// <summary>
        /// A property of any visibility: AWS.Tools' AWSPSCredentials (what Set-AWSCredential leaves in
        /// $StoredAWSCredentials) keeps Credentials, Name and Source internal.
        /// </summary>
        public static object? ReadMember(object? value, string name)
        {
            if (value == null) return null;
            PropertyInfo property = value.GetType().GetProperty(name, AnyInstance);
            try
            {
                return property?.GetIndexParameters().Length == 0 ? property.GetValue(value) : null;
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }

        /// <summary>A process-unique id for an object, stable for its lifetime (hash codes are neither).</summary>
        public static long IdentityOf(object value)
        {
            object boxed = Identities.GetValue(value is ForeignCredentials foreign ? foreign.source : value, _ => System.Threading.Interlocked.Increment(ref lastIdentity));
            return (long)boxed;
        }

        public override ImmutableCredentials GetCredentials() => Convert(Invoke(getCredentials));

        public override async Task<ImmutableCredentials> GetCredentialsAsync()
        {
            if (getCredentialsAsync == null) return GetCredentials();
            var task = (Task)Invoke(getCredentialsAsync);
            await task.ConfigureAwait(false);
            return Convert(task.GetType().GetProperty("Result")?.GetValue(task));
        }

        private object Invoke(MethodInfo method)
        {
            try
            {
                return method.Invoke(source, null);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
                throw;
            }
        }

        private ImmutableCredentials Convert(object? keys)
        {
            if (keys == null) throw new AmazonClientException("The credentials object " + SourceType + " returned no keys.");
            Type type = keys.GetType();
            string? Read(string name) => type.GetProperty(name)?.GetValue(keys) as string;
            return new ImmutableCredentials(Read("AccessKey"), Read("SecretKey"), Read("Token"));
        }
    }
}
