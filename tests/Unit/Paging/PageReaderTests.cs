using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Errors;
using IRSteps.Paging;
using Xunit;

namespace IRSteps.Tests
{
    public class PageReaderTests
    {
        /// <summary>A fake service: pages keyed by the token that asks for them (null = first), with a log of tokens asked.</summary>
        private sealed class FakePages
        {
            private readonly Dictionary<string, Page<int>> pages = new Dictionary<string, Page<int>>();
            public List<string> Asked { get; } = new List<string>();

            public FakePages Add(string token, string next, params int[] items)
            {
                pages[token ?? string.Empty] = new Page<int>(items, next, "req-" + (token ?? "first"));
                return this;
            }

            public Task<Page<int>> Fetch(string token, CancellationToken cancellationToken)
            {
                Asked.Add(token);
                return Task.FromResult(pages[token ?? string.Empty]);
            }
        }

        private static List<int> ReadAll(PageReader<int> reader)
        {
            var items = new List<int>();
            Page<int> page;
            while ((page = reader.ReadNextAsync(CancellationToken.None).GetAwaiter().GetResult()) != null)
            {
                items.AddRange(page.Items);
            }

            return items;
        }

        [Fact]
        public void Follows_every_token_to_the_end()
        {
            var pages = new FakePages().Add(null, "a", 1, 2).Add("a", "b", 3).Add("b", null, 4, 5);
            var reader = new PageReader<int>(pages.Fetch, "job 'j'");

            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, ReadAll(reader));
            Assert.Equal(new string[] { null, "a", "b" }, pages.Asked);
            Assert.Equal(3, reader.PageCount);
            Assert.False(reader.HasMorePages);
            Assert.Null(reader.NextToken);
        }

        [Fact]
        public void Follows_an_empty_page_that_carries_a_token()
        {
            var pages = new FakePages().Add(null, "a").Add("a", "b").Add("b", null, 7);
            Assert.Equal(new[] { 7 }, ReadAll(new PageReader<int>(pages.Fetch, "job 'j'")));
            Assert.Equal(3, pages.Asked.Count);
        }

        [Fact]
        public void An_empty_token_ends_the_listing_like_an_absent_one()
        {
            var pages = new FakePages().Add(null, string.Empty, 1);
            Assert.Equal(new[] { 1 }, ReadAll(new PageReader<int>(pages.Fetch, "job 'j'")));
        }

        [Fact]
        public async Task A_token_that_comes_back_unchanged_ends_with_an_error_naming_the_job()
        {
            var pages = new FakePages().Add(null, "a", 1).Add("a", "a", 2);
            var reader = new PageReader<int>(pages.Fetch, "the steps of job 'stuck-job'");

            await reader.ReadNextAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<IRStepsServiceException>(() => reader.ReadNextAsync(CancellationToken.None));

            Assert.Equal(ServiceErrorKind.RepeatedToken, error.Kind);
            Assert.Contains("stuck-job", error.Message);
            Assert.Equal("req-a", error.RequestId);
            Assert.False(reader.HasMorePages);
            Assert.Equal(2, pages.Asked.Count);
        }

        [Fact]
        public void A_cycle_of_tokens_is_caught_too()
        {
            var pages = new FakePages().Add(null, "a", 1).Add("a", "b", 2).Add("b", "a", 3);
            var reader = new PageReader<int>(pages.Fetch, "job 'j'");

            Assert.Throws<IRStepsServiceException>(() => ReadAll(reader));
            Assert.Equal(3, pages.Asked.Count);
        }

        [Fact]
        public async Task Resumes_from_a_start_token_and_refuses_to_be_sent_back_to_it()
        {
            var pages = new FakePages().Add("s", "t", 8).Add("t", "s", 9);
            var reader = new PageReader<int>(pages.Fetch, "job 'j'", "s");

            Assert.Equal(new[] { 8 }, (await reader.ReadNextAsync(CancellationToken.None)).Items);
            await Assert.ThrowsAsync<IRStepsServiceException>(() => reader.ReadNextAsync(CancellationToken.None));
            Assert.Equal(new[] { "s", "t" }, pages.Asked);
        }

        [Fact]
        public async Task Asks_for_nothing_until_read_and_for_one_page_per_read()
        {
            var pages = new FakePages().Add(null, "a", 1).Add("a", null, 2);
            var reader = new PageReader<int>(pages.Fetch, "job 'j'");
            Assert.Empty(pages.Asked);

            await reader.ReadNextAsync(CancellationToken.None);
            Assert.Single(pages.Asked);
            Assert.True(reader.HasMorePages);
            Assert.Equal("a", reader.NextToken);
        }

        [Fact]
        public void Cancellation_reaches_the_fetch()
        {
            using var source = new CancellationTokenSource();
            source.Cancel();
            var reader = new PageReader<int>((token, ct) => Task.FromCanceled<Page<int>>(ct), "job 'j'");

            Assert.ThrowsAny<OperationCanceledException>(() => reader.ReadNextAsync(source.Token).GetAwaiter().GetResult());
        }
    }
}
