using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace IRSteps.Emulator;

/// <summary>Credentials handed out by the emulator's AssumeRole.</summary>
public sealed record IssuedCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string RoleArn, string RoleSessionName);

/// <summary>
/// A minimal STS: AssumeRole and GetCallerIdentity over the awsQuery protocol (form-urlencoded in, XML out),
/// which is what the AWS SDKs send. Issued keys start with ASIAEMU and are only valid with their session token.
/// </summary>
public sealed class Sts
{
    private const string Ns = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly ConcurrentDictionary<string, IssuedCredentials> _issued = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public Sts(TimeProvider time) => _time = time;

    public bool TryGetIssued(string accessKeyId, out IssuedCredentials credentials) => _issued.TryGetValue(accessKeyId, out credentials!);

    public IssuedCredentials Issue(string roleArn, string sessionName, int durationSeconds)
    {
        var id = "ASIAEMU" + RandomString(13, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        var creds = new IssuedCredentials(
            id,
            RandomString(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"),
            "IQoJb3JpZ2luX2VtdSEMU" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            _time.GetUtcNow().AddSeconds(durationSeconds),
            roleArn,
            sessionName);
        _issued[id] = creds;
        return creds;
    }

    private static string RandomString(int length, string alphabet)
        => string.Create(length, alphabet, (span, a) => { for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)]; });

    public static Dictionary<string, string> ParseForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            form[name] = value;
        }
        return form;
    }

    internal ApiResponse Handle(string action, Dictionary<string, string> form, SigV4Result caller, string requestId) => action switch
    {
        "AssumeRole" => AssumeRole(form, requestId),
        "GetCallerIdentity" => GetCallerIdentity(caller, requestId),
        _ => Error(400, "Sender", "InvalidAction", $"Could not find operation {action} for version 2011-06-15", requestId),
    };

    private ApiResponse AssumeRole(Dictionary<string, string> form, string requestId)
    {
        form.TryGetValue("RoleArn", out var roleArn);
        form.TryGetValue("RoleSessionName", out var sessionName);
        if (string.IsNullOrEmpty(roleArn) || string.IsNullOrEmpty(sessionName))
            return Error(400, "Sender", "ValidationError",
                $"1 validation error detected: Value null at '{(string.IsNullOrEmpty(roleArn) ? "roleArn" : "roleSessionName")}' failed to satisfy constraint: Member must not be null", requestId);
        var duration = form.TryGetValue("DurationSeconds", out var d) && int.TryParse(d, CultureInfo.InvariantCulture, out var dd) ? dd : 3600;
        var creds = Issue(roleArn, sessionName, duration);
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var account = roleArn.Split(':') is { Length: > 4 } parts && parts[4].Length > 0 ? parts[4] : JobStore.AccountId;

        var xml = $"""
            <AssumeRoleResponse xmlns="{Ns}">
              <AssumeRoleResult>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAEMULATOR000000000:{X(sessionName)}</AssumedRoleId>
                  <Arn>arn:aws:sts::{X(account)}:assumed-role/{X(roleName)}/{X(sessionName)}</Arn>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>{creds.AccessKeyId}</AccessKeyId>
                  <SecretAccessKey>{X(creds.SecretAccessKey)}</SecretAccessKey>
                  <SessionToken>{X(creds.SessionToken)}</SessionToken>
                  <Expiration>{creds.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</Expiration>
                </Credentials>
              </AssumeRoleResult>
              <ResponseMetadata>
                <RequestId>{requestId}</RequestId>
              </ResponseMetadata>
            </AssumeRoleResponse>
            """;
        return Xml(200, xml);
    }

    private ApiResponse GetCallerIdentity(SigV4Result caller, string requestId)
    {
        string arn, userId;
        if (caller.AccessKey is { } key && TryGetIssued(key, out var issued))
        {
            var roleName = issued.RoleArn[(issued.RoleArn.LastIndexOf('/') + 1)..];
            arn = $"arn:aws:sts::{JobStore.AccountId}:assumed-role/{roleName}/{issued.RoleSessionName}";
            userId = "AROAEMULATOR000000000:" + issued.RoleSessionName;
        }
        else
        {
            arn = $"arn:aws:iam::{JobStore.AccountId}:user/irsteps-emulator";
            userId = "AIDAEMULATOR000000000";
        }
        var xml = $"""
            <GetCallerIdentityResponse xmlns="{Ns}">
              <GetCallerIdentityResult>
                <Arn>{X(arn)}</Arn>
                <UserId>{X(userId)}</UserId>
                <Account>{JobStore.AccountId}</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata>
                <RequestId>{requestId}</RequestId>
              </ResponseMetadata>
            </GetCallerIdentityResponse>
            """;
        return Xml(200, xml);
    }

    /// <summary>awsQuery error document.</summary>
    internal static ApiResponse Error(int status, string type, string code, string message, string requestId)
    {
        var xml = $"""
            <ErrorResponse xmlns="{Ns}">
              <Error>
                <Type>{type}</Type>
                <Code>{X(code)}</Code>
                <Message>{X(message)}</Message>
              </Error>
              <RequestId>{requestId}</RequestId>
            </ErrorResponse>
            """;
        return new ApiResponse { Status = status, ContentType = "text/xml", ErrorCode = code, Body = Encoding.UTF8.GetBytes(xml) };
    }

    private static ApiResponse Xml(int status, string xml)
        => new() { Status = status, ContentType = "text/xml", Body = Encoding.UTF8.GetBytes(xml) };

    private static string X(string s) => SecurityElement.Escape(s);
}
