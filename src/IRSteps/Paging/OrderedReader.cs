using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Errors;

namespace IRSteps.Paging
{
    /// <summary>
    /// Reads several listings at once and hands over what they read in the order a one-by-one read gives: listing by
    /// listing in the order they were added, each listing's items in page order, each listing's failure (or refusal)
    /// in its place. At most <c>throttleLimit</c> listings are in flight, each on a <see cref="PagePrefetcher{T}"/>:
    /// the listing being handed over streams its pages as they arrive (its next page is requested once a page's first
    /// item is handed over, so the first item comes before the second request), while those behind it read up to
    /// <c>readAheadPages</c> ahead. -First/-Skip (<see cref="PagingWindow"/>) count the items as they are handed over,
    /// so they are exact; once -First is satisfied every read in flight is cancelled and its items dropped.
    /// </summary>
    /// <remarks>
    /// Knows nothing of PowerShell: the caller (the pipeline thread) enumerates what is ready and writes it; waiting is
    /// done through <c>waitFor</c>, so that the caller can pump its messages meanwhile. A cancelled read throws
    /// OperationCanceledException out of the enumeration; a listing's IRStepsServiceException is handed over as a
    /// <see cref="DeliveryKind.Failure"/>.
    /// </remarks>
    internal sealed class OrderedReader<T> : IDisposable
    {
        private readonly Queue<Listing> queue = new Queue<Listing>();
        private readonly PagingWindow window;
        private readonly int throttleLimit;
        private readonly int readAheadPages;
        private readonly bool onePageEach;
        private readonly Action<Task> waitFor;
        private readonly CancellationToken cancellationToken;

        /// <param name="window">-First and -Skip across every listing.</param>
        /// <param name="throttleLimit">Listings in flight at most (1 reads one after another).</param>
        /// <param name="readAheadPages">Pages a listing waiting for its turn may read ahead (memory is bounded by throttleLimit x this many pages).</param>
        /// <param name="onePageEach">Read one page of each listing only (-NoAutoIteration).</param>
        /// <param name="waitFor">Blocks until a task is done, however it ends.</param>
        /// <param name="cancellationToken">Cancels every read in flight (Ctrl+C).</param>
        public OrderedReader(PagingWindow window, int throttleLimit, int readAheadPages, bool onePageEach, Action<Task> waitFor, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            this.window = window ?? throw new ArgumentNullException(nameof(window));
            this.throttleLimit = throttleLimit;
            this.readAheadPages = readAheadPages;
            this.onePageEach = onePageEach;
            this.waitFor = waitFor ?? throw new ArgumentNullException(nameof(waitFor));
            this.cancellationToken = cancellationToken;
        }

        /// <summary>True once -First is satisfied: no listing needs to be added any more.</summary>
        public bool Satisfied => window.Satisfied;

        /// <summary>Starts reading a listing (its first page is requested now).</summary>
        public void Add(object? target, PageReader<T> listing)
        {
            // The listing handed over first asks for its second page only after its first item is out; those behind it read ahead.
            var pages = new PagePrefetcher<T>(listing, queue.Count == 0 ? 1 : readAheadPages, onePageEach ? 1 : 0, cancellationToken);
            pages.Start();
            queue.Enqueue(new Listing(target, pages, null));
        }

        /// <summary>Input refused before any request (an invalid name, say): its refusal is handed over in its place.</summary>
        public void Refuse(object? target, object refusal)
        {
            queue.Enqueue(new Listing(target, null, refusal));
        }

        /// <summary>
        /// What may be handed over now: waits while <c>throttleLimit</c> listings are in flight (or a refusal heads the
        /// queue), then hands over whatever has already been read, without waiting.
        /// </summary>
        public IEnumerable<Delivery<T>> TakeReady()
        {
            while (queue.Count >= throttleLimit || (queue.Count > 0 && queue.Peek().Pages == null))
            {
                foreach (Delivery<T> delivery in TakeHead(wait: true)) yield return delivery;
            }

            while (queue.Count > 0)
            {
                Listing head = queue.Peek();
                foreach (Delivery<T> delivery in TakeHead(wait: false)) yield return delivery;
                if (queue.Count > 0 && queue.Peek() == head) yield break; // its next page is not there yet
            }
        }

        /// <summary>Everything still to come, waiting for it.</summary>
        public IEnumerable<Delivery<T>> TakeAll()
        {
            while (queue.Count > 0)
            {
                foreach (Delivery<T> delivery in TakeHead(wait: true)) yield return delivery;
            }
        }

        /// <summary>
        /// The first listing's pages: all of them (waiting), or those already read. It leaves the queue once it is
        /// done (or -First is satisfied and every listing is abandoned).
        /// </summary>
        private IEnumerable<Delivery<T>> TakeHead(bool wait)
        {
            Listing head = queue.Peek();
            PagePrefetcher<T>? pages = head.Pages;
            if (pages == null)
            {
                queue.Dequeue();
                yield return Delivery<T>.ForRefusal(head.Target, head.Refusal!);
                yield break;
            }

            while (true)
            {
                if (!TryTakePage(pages, wait, out PrefetchedPage<T>? page, out IRStepsServiceException? failure)) yield break;
                if (failure != null)
                {
                    Finish(pages);
                    yield return Delivery<T>.ForFailure(head.Target, failure);
                    yield break;
                }

                if (page == null)
                {
                    Finish(pages);
                    yield break;
                }

                foreach (Delivery<T> delivery in HandOver(head.Target, pages, page)) yield return delivery;
                if (window.Satisfied)
                {
                    AbandonAll();
                    yield break;
                }
            }
        }

        /// <summary>False when waiting is not allowed and no page is ready; a page (null at the end) or the listing's failure otherwise.</summary>
        private bool TryTakePage(PagePrefetcher<T> pages, bool wait, out PrefetchedPage<T>? page, out IRStepsServiceException? failure)
        {
            failure = null;
            try
            {
                if (!wait) return pages.TryTake(out page);

                Task<PrefetchedPage<T>?> taking = pages.TakeAsync(cancellationToken);
                waitFor(taking);
                page = taking.GetAwaiter().GetResult();
                return true;
            }
            catch (IRStepsServiceException exception)
            {
                page = null;
                failure = exception;
                return true;
            }
        }

        private IEnumerable<Delivery<T>> HandOver(object? target, PagePrefetcher<T> pages, PrefetchedPage<T> page)
        {
            IReadOnlyList<T> items = page.Page.Items;

            // No page is requested that -First does not need; otherwise the next one is asked for once this page's
            // first item is handed over, and read while the rest are.
            bool nextRequested = onePageEach;
            if (!nextRequested && window.SatisfiedAfter(items.Count))
            {
                pages.Stop();
                nextRequested = true;
            }

            foreach (T item in items)
            {
                if (window.Admit()) yield return Delivery<T>.ForItem(target, item);
                else if (window.Satisfied) break;
                if (!nextRequested)
                {
                    pages.RequestNextPage();
                    nextRequested = true;
                }
            }

            if (!nextRequested) pages.RequestNextPage();
            yield return Delivery<T>.ForPageEnd(target, page.NextToken);
        }

        private void Finish(PagePrefetcher<T> pages)
        {
            queue.Dequeue();
            pages.Dispose();
        }

        /// <summary>-First is satisfied: every read still in flight is cancelled and its items dropped.</summary>
        private void AbandonAll()
        {
            while (queue.Count > 0)
            {
                queue.Dequeue().Pages?.Dispose();
            }
        }

        public void Dispose() => AbandonAll();

        private sealed class Listing
        {
            public Listing(object? target, PagePrefetcher<T>? pages, object? refusal)
            {
                Target = target;
                Pages = pages;
                Refusal = refusal;
            }

            public object? Target { get; }
            public PagePrefetcher<T>? Pages { get; }
            public object? Refusal { get; }
        }
    }
}
