using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IRSteps.Emulator;

/// <summary>What a verified (or rejected) request was signed with.</summary>
public sealed class SigV4Result
{
    public bool Ok { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? AccessKey { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? SessionToken { get; init; }

    internal static SigV4Result Fail(string code, string message, string? key = null, string? region = null, string? service = null, string? token = null)
        => new() { Ok = false, ErrorCode = code, ErrorMessage = message, AccessKey = key, Region = region, Service = service, SessionToken = token };
}

/// <summary>
/// AWS Signature Version 4 verification (header-based "AWS4-HMAC-SHA256" Authorization), written from the spec:
/// canonical request -> string to sign -> HMAC key derivation chain -> compare.
/// </summary>
public sealed class SigV4Verifier
{
    public const string InvalidTokenMessage = "The security token included in the request is invalid.";
    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);
    private readonly Sts _sts;
    private readonly TimeProvider _time;
    // (secret, date, region, service) -> signing key; the derivation is four HMACs, cache it for the hot path.
    private readonly ConcurrentDictionary<(string, string, string, string), byte[]> _keyCache = new();

    public SigV4Verifier(Sts sts, TimeProvider time)
    {
        _sts = sts;
        _time = time;
    }

    /// <summary>The secret the emulator accepts for a static test key: any key starting with AKIDTEST.</summary>
    public static string SecretForTestKey(string accessKey) => "emu/secret+" + accessKey;

    /// <param name="method">HTTP method.</param>
    /// <param name="rawTarget">Request target as sent (path and query, still percent-encoded).</param>
    /// <param name="headers">Header lookup by lower-case name; multiple values already joined with ','.</param>
    /// <param name="body">The request body.</param>
    /// <param name="expectedService">sagemaker or sts.</param>
    public SigV4Result Verify(string method, string rawTarget, Func<string, string?> headers, ReadOnlySpan<byte> body, string expectedService)
    {
        var authorization = headers("authorization");
        var sessionToken = headers("x-amz-security-token");
        if (string.IsNullOrEmpty(authorization))
            return SigV4Result.Fail("MissingAuthenticationTokenException", "Missing Authentication Token", token: sessionToken);

        if (!TryParseAuthorization(authorization, out var credential, out var signedHeaders, out var signature))
            return SigV4Result.Fail("IncompleteSignatureException",
                $"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization={authorization}", token: sessionToken);

        // Credential = AKID/yyyyMMdd/region/service/aws4_request
        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
            return SigV4Result.Fail("IncompleteSignatureException", $"Credential should be scoped to a valid region. ", token: sessionToken);
        string accessKey = scopeParts[0], scopeDate = scopeParts[1], region = scopeParts[2], service = scopeParts[3];

        // Identify the key before checking the signature (AWS does the same: unknown keys are "invalid security token").
        string? secret = null;
        if (accessKey.StartsWith("AKIDTEST", StringComparison.Ordinal))
        {
            secret = SecretForTestKey(accessKey);
        }
        else if (accessKey.StartsWith("ASIAEMU", StringComparison.Ordinal) && _sts.TryGetIssued(accessKey, out var issued))
        {
            if (sessionToken != issued.SessionToken || issued.Expiration < _time.GetUtcNow())
                return SigV4Result.Fail("UnrecognizedClientException", InvalidTokenMessage, accessKey, region, service, sessionToken);
            secret = issued.SecretAccessKey;
        }
        if (secret is null)
            return SigV4Result.Fail("UnrecognizedClientException", InvalidTokenMessage, accessKey, region, service, sessionToken);

        if (!string.Equals(service, expectedService, StringComparison.Ordinal))
            return SigV4Result.Fail("InvalidSignatureException", $"Credential should be scoped to correct service: '{expectedService}'. ",
                accessKey, region, service, sessionToken);

        var amzDate = headers("x-amz-date");
        DateTimeOffset requestTime;
        if (amzDate is not null)
        {
            if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                return SigV4Result.Fail("IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601",
                    accessKey, region, service, sessionToken);
        }
        else
        {
            var date = headers("date");
            if (date is null || !DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                return SigV4Result.Fail("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
                    accessKey, region, service, sessionToken);
            amzDate = requestTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        var now = _time.GetUtcNow();
        if ((now - requestTime).Duration() > MaxSkew)
        {
            string fmt(DateTimeOffset d) => d.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var message = requestTime < now
                ? $"Signature expired: {amzDate} is now earlier than {fmt(now - MaxSkew)} ({fmt(now)} - 15 min.)"
                : $"Signature not yet current: {amzDate} is still later than {fmt(now + MaxSkew)} ({fmt(now)} + 15 min.)";
            return SigV4Result.Fail("InvalidSignatureException", message, accessKey, region, service, sessionToken);
        }

        if (!amzDate.StartsWith(scopeDate, StringComparison.Ordinal))
            return SigV4Result.Fail("InvalidSignatureException",
                $"Credential should be scoped to a valid date: '{scopeDate}'. ", accessKey, region, service, sessionToken);

        var canonicalRequest = BuildCanonicalRequest(method, rawTarget, headers, signedHeaders, body);
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scopeDate + "/" + region + "/" + service + "/aws4_request\n"
                           + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = _keyCache.GetOrAdd((secret, scopeDate, region, service), k => DeriveKey(k.Item1, k.Item2, k.Item3, k.Item4));
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            return SigV4Result.Fail("InvalidSignatureException", SignatureMismatchMessage, accessKey, region, service, sessionToken);

        return new SigV4Result { Ok = true, AccessKey = accessKey, Region = region, Service = service, SessionToken = sessionToken };
    }

    private static bool TryParseAuthorization(string authorization, out string credential, out string[] signedHeaders, out string signature)
    {
        credential = signature = "";
        signedHeaders = [];
        const string algo = "AWS4-HMAC-SHA256";
        if (!authorization.StartsWith(algo + " ", StringComparison.Ordinal))
            return false;
        string? c = null, sh = null, s = null;
        foreach (var part in authorization.Substring(algo.Length + 1).Split(','))
        {
            var p = part.Trim();
            var eq = p.IndexOf('=');
            if (eq < 0) continue;
            var name = p[..eq];
            var value = p[(eq + 1)..];
            switch (name)
            {
                case "Credential": c = value; break;
                case "SignedHeaders": sh = value; break;
                case "Signature": s = value; break;
            }
        }
        if (c is null || sh is null || s is null) return false;
        credential = c;
        signedHeaders = sh.Split(';');
        signature = s;
        return true;
    }

    internal static string BuildCanonicalRequest(string method, string rawTarget, Func<string, string?> headers, string[] signedHeaders, ReadOnlySpan<byte> body)
    {
        var q = rawTarget.IndexOf('?');
        var rawPath = q < 0 ? rawTarget : rawTarget[..q];
        var rawQuery = q < 0 ? "" : rawTarget[(q + 1)..];

        var sb = new StringBuilder(512);
        sb.Append(method).Append('\n');
        sb.Append(CanonicalPath(rawPath)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = headers(name) ?? "";
            sb.Append(name).Append(':').Append(TrimAll(value)).Append('\n');
        }
        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(Hex(SHA256.HashData(body)));
        return sb.ToString();
    }

    // Non-S3 services: each segment of the (already once-encoded) path is URI-encoded again.
    private static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0 || rawPath == "/") return "/";
        var segments = rawPath.Split('/');
        for (var i = 0; i < segments.Length; i++)
            segments[i] = UriEncode(segments[i]);
        return string.Join('/', segments);
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0) return "";
        var pairs = new List<(string, string)>();
        foreach (var p in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = p.IndexOf('=');
            var name = Uri.UnescapeDataString((eq < 0 ? p : p[..eq]).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..].Replace('+', ' '));
            pairs.Add((UriEncode(name), UriEncode(value)));
        }
        pairs.Sort((a, b) => { var c = string.CompareOrdinal(a.Item1, b.Item1); return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2); });
        return string.Join('&', pairs.Select(p => p.Item1 + "=" + p.Item2));
    }

    internal static string UriEncode(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string TrimAll(string value)
    {
        var v = value.Trim();
        if (!v.Contains("  ", StringComparison.Ordinal)) return v;
        var sb = new StringBuilder(v.Length);
        var prevSpace = false;
        foreach (var c in v)
        {
            if (c == ' ') { if (!prevSpace) sb.Append(c); prevSpace = true; }
            else { sb.Append(c); prevSpace = false; }
        }
        return sb.ToString();
    }

    internal static byte[] DeriveKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8.ToArray());
    }

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
