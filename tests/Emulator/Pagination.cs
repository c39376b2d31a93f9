using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace IRSteps.Emulator;

/// <summary>
/// NextToken = base64url(JSON) binding the token to the operation, the job / filter set it was issued for, and an offset.
/// A token that does not decode, or was issued for another job or other filters, is "Invalid pagination token.".
/// </summary>
internal readonly record struct PageToken(string Scope, int Offset, bool Repeat)
{
    public string Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("s", Scope);
            w.WriteNumber("o", Offset);
            if (Repeat) w.WriteBoolean("r", true);
            w.WriteEndObject();
        }
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Decodes a token and checks it belongs to <paramref name="expectedScope"/>.</summary>
    public static PageToken Decode(string? token, string expectedScope)
    {
        if (token is null) return new PageToken(expectedScope, 0, false);
        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            var scope = root.GetProperty("s").GetString();
            var offset = root.GetProperty("o").GetInt32();
            var repeat = root.TryGetProperty("r", out var r) && r.GetBoolean();
            if (scope != expectedScope || offset < 0)
                throw ApiException.InvalidToken();
            return new PageToken(scope, offset, repeat);
        }
        catch (ApiException) { throw; }
        catch (Exception) { throw ApiException.InvalidToken(); }
    }

    /// <summary>
    /// The NextToken a page answering <paramref name="token"/> (sent as <paramref name="sent"/>) hands out, or null on
    /// the last page (<paramref name="next"/> &lt; 0). The RepeatToken fault repeats the caller's token (on a first page,
    /// a token that keeps repeating itself); EmptyPageWithToken hands out a valid token for the same position.
    /// </summary>
    public static string? Outgoing(PageToken token, string? sent, string scope, int next, FaultKind? pagingFault)
    {
        if (token.Repeat || pagingFault == FaultKind.RepeatToken)
            return sent ?? new PageToken(scope, 0, Repeat: true).Encode();
        if (pagingFault == FaultKind.EmptyPageWithToken)
            return new PageToken(scope, token.Offset, false).Encode();
        return next < 0 ? null : new PageToken(scope, next, false).Encode();
    }

    public static string StepsScope(string jobName, string? status, string? stepType)
        => $"steps|{jobName}|{status}|{stepType}";
}
