using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Errors;
using IRSteps.Paging;
using Xunit;

namespace IRSteps.Tests
{
    public class PagePrefetcherTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        /// <summary>A listing of <c>pages</c> pages of one item each, logging the tokens asked for.</summary>
        private sealed class FakeListing
        {
            private readonly int pages;
            private readonly int failAt;
            public ConcurrentQueue<string> Asked { get; } = new ConcurrentQueue<string>();
            public SemaphoreSlim Requests { get; } = new SemaphoreSlim(0);
            public TaskCompletionSource<bool> Hold { get; set; }

            public FakeListing(int pages, int failAt = 0)
            {
                this.pages = pages;
                this.failAt = failAt;
            }

            public async Task<Page<int>> Fetch(string token, CancellationToken cancellationToken)
            {
                int index = token == null ? 1 : int.Parse(token);
                Asked.Enqueue(token);
                Requests.Release();
                if (Hold != null) await Hold.Task.WaitAsync(cancellationToken);
                if (index == failAt) throw new IRStepsServiceException(ServiceErrorKind.Throttling, "page " + index + " failed");
                return new Page<int>(new[] { index }, index < pages ? (index + 1).ToString() : null, "req-" + index);
            }
        }

        private static PagePrefetcher<int> Start(FakeListing listing, int window, int maxPages = 0, CancellationToken token = default)
        {
            var prefetcher = new PagePrefetcher<int>(new PageReader<int>(listing.Fetch, "job 'j'"), window, maxPages, token);
            prefetcher.Start();
            return prefetcher;
        }

        private static PrefetchedPage<int> Take(PagePrefetcher<int> prefetcher) =>
            prefetcher.TakeAsync(CancellationToken.None).WaitAsync(Patience).GetAwaiter().GetResult();

        [Fact]
        public void With_a_window_of_one_asks_for_the_next_page_only_when_allowed()
        {
            var listing = new FakeListing(3);
            using var prefetcher = Start(listing, window: 1);

            Assert.Equal(1, Take(prefetcher).Page.Items[0]);
            Thread.Sleep(100);
            Assert.Single(listing.Asked);

            prefetcher.RequestNextPage();
            Assert.Equal(2, Take(prefetcher).Page.Items[0]);
            prefetcher.RequestNextPage();
            PrefetchedPage<int> last = Take(prefetcher);
            Assert.Equal(3, last.Number);
            Assert.Null(last.NextToken);
            prefetcher.RequestNextPage();
            Assert.Null(Take(prefetcher));
            Assert.Equal(new string[] { null, "2", "3" }, listing.Asked.ToArray());
        }

        [Fact]
        public void Reads_up_to_the_window_ahead_and_hands_pages_over_in_order()
        {
            var listing = new FakeListing(6);
            using var prefetcher = Start(listing, window: 3);

            for (int i = 0; i < 3; i++) Assert.True(listing.Requests.Wait(Patience));
            Thread.Sleep(100);
            Assert.Equal(3, listing.Asked.Count);

            var items = new List<int>();
            PrefetchedPage<int> page;
            while ((page = Take(prefetcher)) != null)
            {
                items.Add(page.Page.Items[0]);
                prefetcher.RequestNextPage();
            }

            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, items);
        }

        [Fact]
        public void Hands_over_a_failure_after_the_pages_read_before_it()
        {
            var listing = new FakeListing(5, failAt: 3);
            using var prefetcher = Start(listing, window: 5);

            Assert.Equal(1, Take(prefetcher).Page.Items[0]);
            Assert.Equal(2, Take(prefetcher).Page.Items[0]);
            var failure = Assert.Throws<IRStepsServiceException>(() => Take(prefetcher));
            Assert.Equal(ServiceErrorKind.Throttling, failure.Kind);
        }

        [Fact]
        public void TryTake_does_not_wait()
        {
            var listing = new FakeListing(1) { Hold = new TaskCompletionSource<bool>() };
            using var prefetcher = Start(listing, window: 1);
            Assert.True(listing.Requests.Wait(Patience));

            Assert.False(prefetcher.TryTake(out _));
            listing.Hold.SetResult(true);
            Assert.NotNull(Take(prefetcher));
            Assert.True(SpinWait.SpinUntil(() => prefetcher.TryTake(out var end) && end == null, Patience));
        }

        [Fact]
        public void Stop_cancels_the_request_in_flight_and_asks_for_nothing_more()
        {
            var listing = new FakeListing(5) { Hold = new TaskCompletionSource<bool>() };
            var prefetcher = Start(listing, window: 2);
            Assert.True(listing.Requests.Wait(Patience));

            prefetcher.Stop();
            prefetcher.RequestNextPage();
            Assert.ThrowsAny<OperationCanceledException>(() => Take(prefetcher));
            Thread.Sleep(100);
            Assert.Single(listing.Asked);
            prefetcher.Dispose();
        }

        [Fact]
        public void The_callers_token_cancels_the_request_in_flight()
        {
            using var cancellation = new CancellationTokenSource();
            var listing = new FakeListing(5) { Hold = new TaskCompletionSource<bool>() };
            using var prefetcher = Start(listing, window: 1, token: cancellation.Token);
            Assert.True(listing.Requests.Wait(Patience));

            cancellation.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => Take(prefetcher));
        }

        [Fact]
        public void Reads_no_more_than_maxPages()
        {
            var listing = new FakeListing(5);
            using var prefetcher = Start(listing, window: 5, maxPages: 1);

            PrefetchedPage<int> page = Take(prefetcher);
            Assert.Equal("2", page.NextToken);
            Assert.Null(Take(prefetcher));
            Assert.Single(listing.Asked);
        }
    }
}
