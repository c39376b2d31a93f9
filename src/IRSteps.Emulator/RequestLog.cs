using System;
using System.Collections.Generic;
using System.Linq;

namespace IRSteps.Emulator
{
    /// <summary>One API request as the emulator saw it (calls of the control API are not logged).</summary>
    public sealed class RequestLogEntry
    {
        public DateTimeOffset Time { get; set; }

        /// <summary>The x-amzn-RequestId the emulator answered with (errors too).</summary>
        public string RequestId { get; set; }

        public string Operation { get; set; }

        public string Target { get; set; }

        public string JobName { get; set; }

        /// <summary>The NextToken the request sent (SageMaker listings), else null.</summary>
        public string NextToken { get; set; }

        /// <summary>The MaxResults the request sent, else null.</summary>
        public int? MaxResults { get; set; }

        public string AccessKey { get; set; }

        public string Region { get; set; }

        public string Service { get; set; }

        public string SessionToken { get; set; }

        /// <summary>The SigV4 signature sent (hex), so that tests can assert it shows in no output.</summary>
        public string Signature { get; set; }

        /// <summary>The raw request body (JSON for SageMaker, a form for STS).</summary>
        public string Body { get; set; } = string.Empty;

        /// <summary>For STS query requests, the decoded form (Action, RoleArn, RoleSessionName, ...); null otherwise.</summary>
        public Dictionary<string, string> Parameters { get; set; }

        /// <summary>The HTTP status sent; 0 while a held request (Hang, Timeout) waits; 499 when the client left before an answer.</summary>
        public int StatusCode { get; set; }

        public string ErrorCode { get; set; }

        /// <summary>The kind of the injected fault that hit the request, else null.</summary>
        public string Fault { get; set; }

        public string UserAgent { get; set; }

        internal bool Logged { get; set; }
    }

    /// <summary>The requests received, oldest first; thread-safe.</summary>
    public sealed class RequestLog
    {
        private readonly List<RequestLogEntry> entries = new List<RequestLogEntry>();

        public void Add(RequestLogEntry entry)
        {
            lock (entries)
            {
                if (entry.Logged) return;
                entry.Logged = true;
                entries.Add(entry);
            }
        }

        public IReadOnlyList<RequestLogEntry> Snapshot()
        {
            lock (entries)
            {
                return entries.ToArray();
            }
        }

        public IReadOnlyList<RequestLogEntry> ForOperation(string operation) =>
            Snapshot().Where(e => string.Equals(e.Operation, operation, StringComparison.Ordinal)).ToArray();

        public int Count
        {
            get
            {
                lock (entries)
                {
                    return entries.Count;
                }
            }
        }

        public void Clear()
        {
            lock (entries)
            {
                entries.Clear();
            }
        }
    }
}
