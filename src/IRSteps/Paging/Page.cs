using System.Collections.Generic;

namespace IRSteps.Paging
{
    /// <summary>One page of a listing: its items, the token for the next page (null at the end) and its request id.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T>? items, string? nextToken, string? requestId)
        {
            Items = items ?? new T[0];
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
            RequestId = requestId;
        }

        public IReadOnlyList<T> Items { get; }
        public string? NextToken { get; }
        public string? RequestId { get; }
    }
}
