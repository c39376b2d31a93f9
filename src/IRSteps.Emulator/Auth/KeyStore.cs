using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace IRSteps.Emulator.Auth
{
    /// <summary>Credentials handed out by the emulator's STS (AssumeRole).</summary>
    public sealed class IssuedCredentials
    {
        public IssuedCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiration, string roleArn, string roleSessionName)
        {
            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
            SessionToken = sessionToken;
            Expiration = expiration;
            RoleArn = roleArn;
            RoleSessionName = roleSessionName;
        }

        public string AccessKeyId { get; }

        public string SecretAccessKey { get; }

        public string SessionToken { get; }

        public DateTimeOffset Expiration { get; }

        public string RoleArn { get; }

        public string RoleSessionName { get; }
    }

    /// <summary>
    /// The keys an emulator accepts: its own key pair (generated when it starts), the credentials its STS issued
    /// (ASIAEMU..., valid with their session token until they expire) and, for the tests' host, any AKIDTEST key
    /// with the secret "emu/secret+" + key.
    /// </summary>
    public sealed class KeyStore
    {
        public const string TestKeyPrefix = "AKIDTEST";
        private const string UpperAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

        private readonly ConcurrentDictionary<string, IssuedCredentials> issued = new ConcurrentDictionary<string, IssuedCredentials>(StringComparer.Ordinal);
        private readonly bool acceptTestKeys;

        public KeyStore(bool acceptTestKeys)
        {
            this.acceptTestKeys = acceptTestKeys;
            AccessKey = "AKIAEMU" + RandomString(13, UpperAndDigits);
            SecretKey = RandomString(40, SecretAlphabet);
        }

        /// <summary>The emulator's own access key id (20 characters, AKIAEMU...).</summary>
        public string AccessKey { get; }

        /// <summary>The emulator's own secret key.</summary>
        public string SecretKey { get; }

        /// <summary>The secret the tests' host accepts for an AKIDTEST key.</summary>
        public static string SecretForTestKey(string accessKey) => "emu/secret+" + accessKey;

        /// <summary>The secret to verify a signature by, or null when the key (or its session token) is not valid.</summary>
        public string SecretFor(string accessKey, string sessionToken, DateTimeOffset now)
        {
            if (string.Equals(accessKey, AccessKey, StringComparison.Ordinal)) return SecretKey;
            if (acceptTestKeys && accessKey.StartsWith(TestKeyPrefix, StringComparison.Ordinal)) return SecretForTestKey(accessKey);
            if (issued.TryGetValue(accessKey, out IssuedCredentials credentials) && sessionToken == credentials.SessionToken && credentials.Expiration > now)
                return credentials.SecretAccessKey;
            return null;
        }

        public bool TryGetIssued(string accessKeyId, out IssuedCredentials credentials) => issued.TryGetValue(accessKeyId, out credentials);

        public IssuedCredentials Issue(string roleArn, string sessionName, int durationSeconds, DateTimeOffset now)
        {
            var credentials = new IssuedCredentials(
                "ASIAEMU" + RandomString(13, UpperAndDigits),
                RandomString(40, SecretAlphabet),
                "IQoJb3JpZ2luX2VtdSEMU" + Convert.ToBase64String(RandomBytes(96)),
                now.AddSeconds(durationSeconds),
                roleArn,
                sessionName);
            issued[credentials.AccessKeyId] = credentials;
            return credentials;
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (RandomNumberGenerator random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return bytes;
        }

        private static string RandomString(int length, string alphabet)
        {
            // alphabet lengths are 32 and 64: a byte modulo either is unbiased
            byte[] bytes = RandomBytes(length);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[bytes[i] % alphabet.Length];
            }

            return new string(chars);
        }
    }
}
