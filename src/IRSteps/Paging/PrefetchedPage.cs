namespace IRSteps.Paging
{
    /// <summary>A page as the prefetcher read it: the page, its number and the token after it.</summary>
    internal sealed class PrefetchedPage<T>
    {
        public PrefetchedPage(Page<T> page, int number, string? nextToken)
        {
            Page = page;
            Number = number;
            NextToken = nextToken;
        }

        public Page<T> Page { get; }
        public int Number { get; }
        public string? NextToken { get; }
    }
}
