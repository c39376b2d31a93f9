using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IRSteps.Emulator.Faults;

namespace IRSteps.Emulator.Protocol
{
    /// <summary>
    /// NextToken = base64url(JSON) binding the token to the listing it was issued for (a job and its filters, or the
    /// job listing's whole filter set) and an offset. A token that does not decode, or that belongs to another
    /// listing, is "Invalid pagination token.": opaque to clients, as the service's tokens are.
    /// </summary>
    internal readonly struct PageToken
    {
        public PageToken(string scope, int offset, bool repeat)
        {
            Scope = scope;
            Offset = offset;
            Repeat = repeat;
        }

        public string Scope { get; }

        public int Offset { get; }

        /// <summary>Set on the self-repeating token the RepeatToken fault hands out on a first page.</summary>
        public bool Repeat { get; }

        public string Encode()
        {
            PageToken token = this;
            byte[] json = AwsJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("s", token.Scope);
                w.WriteNumber("o", token.Offset);
                if (token.Repeat) w.WriteBoolean("r", true);
                w.WriteEndObject();
            }, 96);
            return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>Decodes a token and checks that it belongs to <paramref name="expectedScope"/>; null gives the first page.</summary>
        public static PageToken Decode(string token, string expectedScope)
        {
            if (token == null) return new PageToken(expectedScope, 0, false);
            try
            {
                string base64 = token.Replace('-', '+').Replace('_', '/');
                base64 += new string('=', (4 - (base64.Length % 4)) % 4);
                using (JsonDocument document = JsonDocument.Parse(Convert.FromBase64String(base64)))
                {
                    JsonElement root = document.RootElement;
                    string scope = root.GetProperty("s").GetString();
                    int offset = root.GetProperty("o").GetInt32();
                    bool repeat = root.TryGetProperty("r", out JsonElement r) && r.GetBoolean();
                    if (scope != expectedScope || offset < 0) throw ApiException.InvalidToken();
                    return new PageToken(scope, offset, repeat);
                }
            }
            catch (ApiException)
            {
                throw;
            }
            catch (Exception exception) when (exception is FormatException || exception is JsonException || exception is InvalidOperationException || exception is KeyNotFoundException)
            {
                throw ApiException.InvalidToken();
            }
        }

        /// <summary>
        /// The NextToken a page answering <paramref name="token"/> (sent as <paramref name="sent"/>) hands out, or null
        /// on the last page (<paramref name="next"/> &lt; 0). The RepeatToken fault repeats the caller's token (on a first
        /// page, a token that keeps repeating itself); EmptyPageWithToken hands out a valid token for the same position.
        /// </summary>
        public static string Outgoing(PageToken token, string sent, string scope, int next, string fault)
        {
            if (token.Repeat || fault == FaultKinds.RepeatToken)
                return sent ?? new PageToken(scope, 0, repeat: true).Encode();
            if (fault == FaultKinds.EmptyPageWithToken)
                return new PageToken(scope, token.Offset, false).Encode();
            return next < 0 ? null : new PageToken(scope, next, false).Encode();
        }

        public static string StepsScope(string jobName, string status, string stepType) => "steps|" + jobName + "|" + status + "|" + stepType;
    }
}
