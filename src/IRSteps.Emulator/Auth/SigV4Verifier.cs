using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using IRSteps.Emulator.Http;
using IRSteps.Emulator.Protocol;

namespace IRSteps.Emulator.Auth
{
    /// <summary>What a verified (or refused) request was signed with.</summary>
    public sealed class SigV4Result
    {
        public bool Ok { get; private set; }

        public string ErrorCode { get; private set; }

        public string ErrorMessage { get; private set; }

        public string AccessKey { get; private set; }

        public string Region { get; private set; }

        public string Service { get; private set; }

        public string SessionToken { get; private set; }

        internal static SigV4Result Success(string key, string region, string service, string token) =>
            new SigV4Result { Ok = true, AccessKey = key, Region = region, Service = service, SessionToken = token };

        internal static SigV4Result Fail(string code, string message, string key = null, string region = null, string service = null, string token = null) =>
            new SigV4Result { Ok = false, ErrorCode = code, ErrorMessage = message, AccessKey = key, Region = region, Service = service, SessionToken = token };
    }

    /// <summary>
    /// AWS Signature Version 4 verification of the header form ("AWS4-HMAC-SHA256" Authorization), written from the
    /// specification: canonical request, string to sign, the HMAC key derivation chain, a constant-time compare.
    /// </summary>
    internal sealed class SigV4Verifier
    {
        public const string InvalidTokenMessage = "The security token included in the request is invalid.";
        public const string SignatureMismatchMessage =
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

        private const string Algorithm = "AWS4-HMAC-SHA256";
        private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";
        private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

        private readonly KeyStore keys;
        private readonly IClock clock;

        // (secret, date, region, service) -> signing key: the derivation is four HMACs; cache it for the hot path.
        private readonly ConcurrentDictionary<string, byte[]> signingKeys = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

        public SigV4Verifier(KeyStore keys, IClock clock)
        {
            this.keys = keys;
            this.clock = clock;
        }

        public SigV4Result Verify(HttpRequest request, string expectedService)
        {
            string authorization = request.Header("authorization");
            string sessionToken = request.Header("x-amz-security-token");
            if (string.IsNullOrEmpty(authorization))
                return SigV4Result.Fail("MissingAuthenticationTokenException", "Missing Authentication Token", token: sessionToken);

            if (!TryParseAuthorization(authorization, out string credential, out string[] signedHeaders, out string signature))
                return SigV4Result.Fail("IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=" + authorization, token: sessionToken);

            // Credential = AKID/yyyyMMdd/region/service/aws4_request
            string[] scope = credential.Split('/');
            if (scope.Length != 5 || scope[4] != "aws4_request")
                return SigV4Result.Fail("IncompleteSignatureException", "Credential should be scoped to a valid region. ", token: sessionToken);
            string accessKey = scope[0], scopeDate = scope[1], region = scope[2], service = scope[3];
            DateTimeOffset now = clock.UtcNow;

            // The key is identified before the signature is checked (AWS does the same: an unknown key is an invalid token).
            string secret = keys.SecretFor(accessKey, sessionToken, now);
            if (secret == null)
                return SigV4Result.Fail("UnrecognizedClientException", InvalidTokenMessage, accessKey, region, service, sessionToken);

            if (!string.Equals(service, expectedService, StringComparison.Ordinal))
                return SigV4Result.Fail("InvalidSignatureException", "Credential should be scoped to correct service: '" + expectedService + "'. ",
                    accessKey, region, service, sessionToken);

            string amzDate = request.Header("x-amz-date");
            DateTimeOffset requestTime;
            if (amzDate != null)
            {
                if (!DateTimeOffset.TryParseExact(amzDate, BasicFormat, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                    return SigV4Result.Fail("IncompleteSignatureException",
                        "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601", accessKey, region, service, sessionToken);
            }
            else
            {
                string date = request.Header("date");
                if (date == null || !DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                    return SigV4Result.Fail("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
                        accessKey, region, service, sessionToken);
                amzDate = Basic(requestTime);
            }

            if ((now - requestTime).Duration() > MaxSkew)
            {
                string message = requestTime < now
                    ? "Signature expired: " + amzDate + " is now earlier than " + Basic(now - MaxSkew) + " (" + Basic(now) + " - 15 min.)"
                    : "Signature not yet current: " + amzDate + " is still later than " + Basic(now + MaxSkew) + " (" + Basic(now) + " + 15 min.)";
                return SigV4Result.Fail("InvalidSignatureException", message, accessKey, region, service, sessionToken);
            }

            if (!amzDate.StartsWith(scopeDate, StringComparison.Ordinal))
                return SigV4Result.Fail("InvalidSignatureException", "Credential should be scoped to a valid date: '" + scopeDate + "'. ", accessKey, region, service, sessionToken);

            string canonicalRequest = CanonicalRequest(request, signedHeaders);
            string stringToSign = Algorithm + "\n" + amzDate + "\n" + scopeDate + "/" + region + "/" + service + "/aws4_request\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));
            byte[] key = signingKeys.GetOrAdd(secret + "\n" + scopeDate + "\n" + region + "\n" + service, _ => DeriveKey(secret, scopeDate, region, service));
            string expected = AwsJson.Hex(Hmac(key, Encoding.UTF8.GetBytes(stringToSign)));

            if (!FixedTimeEquals(expected, signature.ToLowerInvariant()))
                return SigV4Result.Fail("InvalidSignatureException", SignatureMismatchMessage, accessKey, region, service, sessionToken);

            return SigV4Result.Success(accessKey, region, service, sessionToken);
        }

        private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);

        private static bool TryParseAuthorization(string authorization, out string credential, out string[] signedHeaders, out string signature)
        {
            credential = signature = null;
            signedHeaders = null;
            if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return false;
            foreach (string part in authorization.Substring(Algorithm.Length + 1).Split(','))
            {
                string trimmed = part.Trim();
                int equals = trimmed.IndexOf('=');
                if (equals < 0) continue;
                string value = trimmed.Substring(equals + 1);
                switch (trimmed.Substring(0, equals))
                {
                    case "Credential": credential = value; break;
                    case "SignedHeaders": signedHeaders = value.Split(';'); break;
                    case "Signature": signature = value; break;
                }
            }

            return credential != null && signedHeaders != null && signature != null;
        }

        internal static string CanonicalRequest(HttpRequest request, string[] signedHeaders)
        {
            var canonical = new StringBuilder(512);
            canonical.Append(request.Method).Append('\n');
            canonical.Append(CanonicalPath(request.Path)).Append('\n');
            canonical.Append(CanonicalQuery(request.Query)).Append('\n');
            foreach (string name in signedHeaders)
            {
                canonical.Append(name).Append(':').Append(TrimAll(request.Header(name) ?? string.Empty)).Append('\n');
            }

            canonical.Append('\n');
            canonical.Append(string.Join(";", signedHeaders)).Append('\n');
            canonical.Append(Sha256Hex(request.Body));
            return canonical.ToString();
        }

        // Services other than S3: each segment of the (already once-encoded) path is URI-encoded again.
        private static string CanonicalPath(string rawPath)
        {
            if (rawPath.Length == 0 || rawPath == "/") return "/";
            return string.Join("/", rawPath.Split('/').Select(UriEncode));
        }

        private static string CanonicalQuery(string rawQuery)
        {
            if (rawQuery.Length == 0) return string.Empty;
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (string pair in rawQuery.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string name = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
                string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                pairs.Add(new KeyValuePair<string, string>(UriEncode(name), UriEncode(value)));
            }

            pairs.Sort((a, b) =>
            {
                int byName = string.CompareOrdinal(a.Key, b.Key);
                return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
            });
            return string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));
        }

        internal static string UriEncode(string s)
        {
            var encoded = new StringBuilder(s.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(s))
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                    encoded.Append(c);
                else
                    encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return encoded.ToString();
        }

        private static string TrimAll(string value)
        {
            string trimmed = value.Trim();
            if (trimmed.IndexOf("  ", StringComparison.Ordinal) < 0) return trimmed;
            var collapsed = new StringBuilder(trimmed.Length);
            bool previousSpace = false;
            foreach (char c in trimmed)
            {
                if (c == ' ' && previousSpace) continue;
                collapsed.Append(c);
                previousSpace = c == ' ';
            }

            return collapsed.ToString();
        }

        internal static byte[] DeriveKey(string secret, string date, string region, string service)
        {
            byte[] dateKey = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
            byte[] regionKey = Hmac(dateKey, Encoding.UTF8.GetBytes(region));
            byte[] serviceKey = Hmac(regionKey, Encoding.UTF8.GetBytes(service));
            return Hmac(serviceKey, Encoding.UTF8.GetBytes("aws4_request"));
        }

        private static byte[] Hmac(byte[] key, byte[] data)
        {
            using (var hmac = new HMACSHA256(key))
            {
                return hmac.ComputeHash(data);
            }
        }

        internal static string Sha256Hex(byte[] data)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return AwsJson.Hex(sha.ComputeHash(data));
            }
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            if (a.Length != b.Length) return false;
            int difference = 0;
            for (int i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
