using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Errors;
using IRSteps.Paging;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// The ordered concurrent reader behind Get-IRJobStep's piped jobs, without PowerShell: what it hands over, in
    /// which order, what it asks for and when.
    /// </summary>
    public class OrderedReaderTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        /// <summary>
        /// A listing named <c>name</c> of <c>pages</c> pages of <c>perPage</c> items ("a1", "a2", ...); each page can be
        /// held back until released, and fails at <c>failAt</c>. Logs the pages asked for.
        /// </summary>
        private sealed class FakeListing
        {
            private readonly string name;
            private readonly int pages;
            private readonly int perPage;
            private readonly int failAt;
            private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> held = new ConcurrentDictionary<int, TaskCompletionSource<bool>>();

            public FakeListing(string name, int pages, int perPage = 2, int failAt = 0, bool hold = false)
            {
                this.name = name;
                this.pages = pages;
                this.perPage = perPage;
                this.failAt = failAt;
                Hold = hold;
            }

            public bool Hold { get; }
            public ConcurrentQueue<int> Asked { get; } = new ConcurrentQueue<int>();
            public int Cancelled;

            public PageReader<string> Reader() => new PageReader<string>(Fetch, "job '" + name + "'", null, "ListInferenceRecommendationsJobSteps");

            /// <summary>Lets page <paramref name="page"/> answer (when the listing holds its pages).</summary>
            public void Release(int page) => Gate(page).TrySetResult(true);

            /// <summary>True once page <paramref name="page"/> has been asked for.</summary>
            public bool WaitAsked(int page) => SpinWait.SpinUntil(() => Asked.Contains(page), Patience);

            private TaskCompletionSource<bool> Gate(int page) =>
                held.GetOrAdd(page, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

            private async Task<Page<string>> Fetch(string token, CancellationToken cancellationToken)
            {
                int page = token == null ? 1 : int.Parse(token);
                Asked.Enqueue(page);
                if (Hold)
                {
                    try
                    {
                        await Gate(page).Task.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref Cancelled);
                        throw;
                    }
                }

                if (page == failAt) throw new IRStepsServiceException(ServiceErrorKind.NotFound, name + " page " + page + " failed");
                IEnumerable<string> items = Enumerable.Range((page - 1) * perPage + 1, perPage).Select(i => name + i);
                return new Page<string>(items.ToList(), page < pages ? (page + 1).ToString() : null, "req-" + name + page);
            }
        }

        private static OrderedReader<string> Reader(int throttleLimit = 4, ulong skip = 0, ulong first = ulong.MaxValue, bool onePageEach = false,
                                                    CancellationToken token = default) =>
            new OrderedReader<string>(new PagingWindow(skip, first), throttleLimit, readAheadPages: 4, onePageEach, WaitPatiently, token);

        /// <summary>What the pipeline thread does while it waits: here, just wait (with a limit, so a hang fails the test).</summary>
        private static void WaitPatiently(Task task)
        {
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Patience)) throw new TimeoutException("the reader waited on a page that never came");
        }

        /// <summary>The deliveries as text: items as they are, "end:token", "fail:target", "refused:target".</summary>
        private static List<string> Describe(IEnumerable<Delivery<string>> deliveries) =>
            deliveries.Select(d => d.Kind switch
            {
                DeliveryKind.Item => d.Item,
                DeliveryKind.PageEnd => "end:" + (d.NextToken ?? "-"),
                DeliveryKind.Failure => "fail:" + d.Target,
                _ => "refused:" + d.Target,
            }).ToList();

        private static List<string> Items(IEnumerable<Delivery<string>> deliveries) =>
            deliveries.Where(d => d.Kind == DeliveryKind.Item).Select(d => d.Item).ToList();

        [Fact]
        public void Hands_over_listing_by_listing_in_the_order_added_even_when_a_later_one_is_read_first()
        {
            var slow = new FakeListing("a", pages: 2, hold: true);
            var quick = new FakeListing("b", pages: 2);
            using var reader = Reader();
            reader.Add("a", slow.Reader());
            reader.Add("b", quick.Reader());

            Assert.True(quick.WaitAsked(2), "the listing behind reads ahead while the first is held");
            Assert.Empty(Items(reader.TakeReady()));

            slow.Release(1);
            slow.Release(2);
            Assert.Equal(new[] { "a1", "a2", "end:2", "a3", "a4", "end:-", "b1", "b2", "end:2", "b3", "b4", "end:-" }, Describe(reader.TakeAll()));
        }

        [Fact]
        public void Asks_for_the_first_listings_second_page_only_once_its_first_item_is_handed_over()
        {
            var listing = new FakeListing("a", pages: 3);
            using var reader = Reader();
            reader.Add("a", listing.Reader());
            Assert.True(listing.WaitAsked(1));
            Thread.Sleep(100);
            Assert.Equal(new[] { 1 }, listing.Asked);

            using IEnumerator<Delivery<string>> deliveries = reader.TakeAll().GetEnumerator();
            Assert.True(deliveries.MoveNext());
            Assert.Equal("a1", deliveries.Current.Item);
            Thread.Sleep(100);
            Assert.Equal(new[] { 1 }, listing.Asked);

            Assert.True(deliveries.MoveNext());
            Assert.True(listing.WaitAsked(2), "asked for once the first item is out, while the rest are handed over");
        }

        [Fact]
        public void Hands_over_a_failure_in_its_place_after_the_items_read_before_it_and_goes_on()
        {
            var failing = new FakeListing("a", pages: 3, failAt: 2);
            var next = new FakeListing("b", pages: 1);
            using var reader = Reader();
            reader.Add("a", failing.Reader());
            reader.Add("b", next.Reader());

            List<Delivery<string>> all = reader.TakeAll().ToList();

            Assert.Equal(new[] { "a1", "a2", "end:2", "fail:a", "b1", "b2", "end:-" }, Describe(all));
            IRStepsServiceException failure = all.Single(d => d.Kind == DeliveryKind.Failure).Failure;
            Assert.Equal(ServiceErrorKind.NotFound, failure.Kind);
            Assert.Equal("ListInferenceRecommendationsJobSteps", failure.Operation);
        }

        [Fact]
        public void Hands_over_a_refusal_in_its_place()
        {
            var first = new FakeListing("a", pages: 1);
            var third = new FakeListing("c", pages: 1);
            using var reader = Reader();
            reader.Add("a", first.Reader());
            reader.Refuse("bad name!", "refusal of bad name!");
            reader.Add("c", third.Reader());

            List<Delivery<string>> all = reader.TakeAll().ToList();

            Assert.Equal(new[] { "a1", "a2", "end:-", "refused:bad name!", "c1", "c2", "end:-" }, Describe(all));
            Assert.Equal("refusal of bad name!", all[3].Refusal);
        }

        [Fact]
        public void First_and_Skip_count_across_listings_and_every_read_stops_once_First_is_satisfied()
        {
            var a = new FakeListing("a", pages: 1, perPage: 3);
            var b = new FakeListing("b", pages: 5, perPage: 3);
            var c = new FakeListing("c", pages: 2, hold: true);
            using var reader = Reader(skip: 2, first: 3);
            reader.Add("a", a.Reader());
            reader.Add("b", b.Reader());
            reader.Add("c", c.Reader());
            Assert.True(c.WaitAsked(1));

            Assert.Equal(new[] { "a3", "b1", "b2" }, Items(reader.TakeAll()));
            Assert.True(reader.Satisfied);
            Assert.True(SpinWait.SpinUntil(() => c.Cancelled == 1, Patience), "the read still in flight is cancelled");
        }

        [Fact]
        public void Asks_for_no_page_that_First_does_not_need()
        {
            var listing = new FakeListing("a", pages: 5, perPage: 2);
            using var reader = Reader(first: 3);
            reader.Add("a", listing.Reader());

            Assert.Equal(new[] { "a1", "a2", "end:2", "a3", "end:3" }, Describe(reader.TakeAll()));
            Thread.Sleep(100);
            Assert.Equal(new[] { 1, 2 }, listing.Asked);
        }

        [Fact]
        public async Task Keeps_at_most_the_throttle_limit_of_listings_in_flight()
        {
            var listings = Enumerable.Range(0, 3).Select(i => new FakeListing(((char)('a' + i)).ToString(), pages: 1, hold: true)).ToList();
            using var reader = Reader(throttleLimit: 2);
            reader.Add("a", listings[0].Reader());
            Assert.Empty(reader.TakeReady());
            reader.Add("b", listings[1].Reader());

            // Two in flight: taking what is ready now waits for the first to finish.
            Task<List<string>> taking = Task.Run(() => Describe(reader.TakeReady()));
            Assert.NotSame(taking, await Task.WhenAny(taking, Task.Delay(200)));
            listings[0].Release(1);
            Assert.Equal(new[] { "a1", "a2", "end:-" }, await taking.WaitAsync(Patience));

            reader.Add("c", listings[2].Reader());
            listings[1].Release(1);
            listings[2].Release(1);
            Assert.Equal(new[] { "b1", "b2", "end:-", "c1", "c2", "end:-" }, Describe(reader.TakeAll()));
        }

        [Fact]
        public void Reads_one_page_of_each_listing_with_onePageEach_and_hands_over_its_token()
        {
            var listing = new FakeListing("a", pages: 3);
            using var reader = Reader(onePageEach: true);
            reader.Add("a", listing.Reader());

            Assert.Equal(new[] { "a1", "a2", "end:2" }, Describe(reader.TakeAll()));
            Thread.Sleep(100);
            Assert.Equal(new[] { 1 }, listing.Asked);
        }

        [Fact]
        public void The_callers_token_cancels_the_reads_and_ends_the_hand_over()
        {
            using var cancellation = new CancellationTokenSource();
            var listing = new FakeListing("a", pages: 2, hold: true);
            using var reader = Reader(token: cancellation.Token);
            reader.Add("a", listing.Reader());
            Assert.True(listing.WaitAsked(1));

            cancellation.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => reader.TakeAll().ToList());
            Assert.True(SpinWait.SpinUntil(() => listing.Cancelled == 1, Patience), "the request in flight is cancelled");
        }
    }
}
