using System;
using System.Globalization;
using IRSteps.Errors;

namespace IRSteps.Streams
{
    /// <summary>
    /// What one request to SageMaker did, reported when it ends: the -Verbose line every cmdlet writes for it
    /// and what listing progress counts (a listing's request is also reported as it starts, for progress only).
    /// Retries inside the request are reported by the client on their own.
    /// </summary>
    internal sealed class RequestReport
    {
        /// <summary>A listing's request about to be sent (no -Verbose line: it tells progress a page is awaited).</summary>
        public static RequestReport Started(string operation, string? subject, int page, string? itemNoun) =>
            new RequestReport(operation, subject, page, null, itemNoun, null, 0, null, false, null) { IsStart = true };

        public RequestReport(string operation, string? subject, int? page, int? items, string? itemNoun, string? result,
                             long elapsedMilliseconds, string? requestId, bool isLastPage, Exception? error)
        {
            Operation = operation;
            Subject = subject;
            Page = page;
            Items = items;
            ItemNoun = itemNoun;
            Result = result;
            ElapsedMilliseconds = elapsedMilliseconds;
            RequestId = requestId;
            IsLastPage = isLastPage;
            Error = error;
        }

        /// <summary>The API operation, e.g. ListInferenceRecommendationsJobSteps.</summary>
        public string Operation { get; }

        /// <summary>What the request was about, e.g. "job 'nightly-resnet50'"; null for a listing of jobs.</summary>
        public string? Subject { get; }

        /// <summary>For a listing: the page's number in this command (1 for the first page read, resumed or not).</summary>
        public int? Page { get; }

        /// <summary>For a listing: how many items the page held.</summary>
        public int? Items { get; }

        /// <summary>What the items are ("steps", "jobs").</summary>
        public string? ItemNoun { get; }

        /// <summary>For an operation that is not a listing: what it answered, e.g. the job's status.</summary>
        public string? Result { get; }

        public long ElapsedMilliseconds { get; }
        public string? RequestId { get; }

        /// <summary>For a listing: the page carried no NextToken.</summary>
        public bool IsLastPage { get; }

        /// <summary>Why the request failed; null when it succeeded.</summary>
        public Exception? Error { get; }

        public bool Succeeded => Error == null;

        /// <summary>The request is starting, not ending.</summary>
        public bool IsStart { get; private set; }

        /// <summary>
        /// The -Verbose line, e.g.
        /// "ListInferenceRecommendationsJobSteps job 'x' page 2: 10 steps in 34 ms (request id 7f3c...)".
        /// </summary>
        public override string ToString()
        {
            string head = Operation + (Subject == null ? string.Empty : " " + Subject) +
                          (Page.HasValue ? " page " + Page.Value.ToString(CultureInfo.InvariantCulture) : string.Empty);
            string body;
            string? requestId = RequestId;
            if (Error == null)
            {
                string? what = Items.HasValue ? Items.Value.ToString(CultureInfo.InvariantCulture) + " " + ItemNoun : Result;
                body = what + " in " + ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
            }
            else
            {
                var serviceError = Error as IRStepsServiceException;
                string reason = Error is OperationCanceledException ? "cancelled"
                    : serviceError == null ? "failed (" + Error.GetType().Name + ")"
                    : "failed (" + (serviceError.ErrorCode ?? serviceError.Kind.ToString()) + ")";
                body = reason + " after " + ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
                requestId = requestId ?? serviceError?.RequestId;
            }

            return head + ": " + body + " (request id " + (requestId ?? "none") + ")";
        }
    }
}
