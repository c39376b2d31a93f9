using System;
using System.Collections.Generic;
using System.Text;

namespace IRSteps.Emulator.Http
{
    /// <summary>One HTTP/1.1 request as received: the raw target (still percent-encoded), headers, the whole body.</summary>
    internal sealed class HttpRequest
    {
        private readonly Dictionary<string, string> headers;

        public HttpRequest(string method, string rawTarget, string version, Dictionary<string, string> headers, List<KeyValuePair<string, string>> headerLines)
        {
            Method = method;
            RawTarget = rawTarget;
            Version = version;
            this.headers = headers;
            HeaderLines = headerLines;
            int query = rawTarget.IndexOf('?');
            Path = query < 0 ? rawTarget : rawTarget.Substring(0, query);
            Query = query < 0 ? string.Empty : rawTarget.Substring(query + 1);
            Body = Array.Empty<byte>();
        }

        public string Method { get; }

        /// <summary>Path and query as sent, percent-encoded (what SigV4 canonicalises).</summary>
        public string RawTarget { get; }

        public string Path { get; }

        public string Query { get; }

        public string Version { get; }

        /// <summary>The headers in the order sent, names as sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> HeaderLines { get; }

        public byte[] Body { get; internal set; }

        /// <summary>Whether the connection stays open after the answer (HTTP/1.1 unless "Connection: close").</summary>
        public bool KeepAlive
        {
            get
            {
                string connection = Header("connection");
                if (string.Equals(Version, "HTTP/1.0", StringComparison.Ordinal))
                {
                    return connection != null && connection.IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) >= 0;
                }

                return connection == null || connection.IndexOf("close", StringComparison.OrdinalIgnoreCase) < 0;
            }
        }

        /// <summary>A header's value by name (any case); several lines of one name joined with ','.</summary>
        public string Header(string name) => headers.TryGetValue(name, out string value) ? value : null;

        public string BodyText => Encoding.UTF8.GetString(Body);
    }
}
