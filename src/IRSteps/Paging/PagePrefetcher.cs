using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace IRSteps.Paging
{
    /// <summary>
    /// Reads one listing's pages on a background task so that several listings can be in flight at once,
    /// while the consumer (the pipeline thread) takes them in page order. The reader stays at most
    /// <c>window</c> pages ahead of the consumer: that many are requested at once, and one more each time the
    /// consumer allows it with <see cref="RequestNextPage"/> (it decides, for -First, whether another page is
    /// wanted, and asks only once a page's first object is written). The task never faults: a failure is
    /// handed to the consumer after the pages read before it.
    /// </summary>
    internal sealed class PagePrefetcher<T> : IDisposable
    {
        private readonly PageReader<T> reader;
        private readonly int maxPages;
        private readonly CancellationTokenSource cancellation;
        private readonly Queue<Entry> ready = new Queue<Entry>();
        private readonly SemaphoreSlim readyCount = new SemaphoreSlim(0);
        private readonly SemaphoreSlim requestAllowed;
        private bool stopped;

        /// <param name="reader">The listing; used only by the background task from now on.</param>
        /// <param name="window">How many pages may be read before the consumer takes the first (at least 1).</param>
        /// <param name="maxPages">How many pages to read at most (1 for -NoAutoIteration); 0 for all.</param>
        /// <param name="cancellationToken">Cancels every request in flight (Ctrl+C).</param>
        public PagePrefetcher(PageReader<T> reader, int window, int maxPages, CancellationToken cancellationToken)
        {
            this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
            if (window < 1) throw new ArgumentOutOfRangeException(nameof(window));
            requestAllowed = new SemaphoreSlim(window);
            this.maxPages = maxPages;
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Starts reading (the first page is requested now).</summary>
        public void Start()
        {
            Task.Run(RunAsync);
        }

        /// <summary>Lets the background task request the next page, if there is one.</summary>
        public void RequestNextPage()
        {
            if (!stopped) requestAllowed.Release();
        }

        /// <summary>No further page is requested; a request in flight is cancelled.</summary>
        public void Stop()
        {
            stopped = true;
            try { cancellation.Cancel(); } catch (ObjectDisposedException) { }
        }

        /// <summary>
        /// Takes the next page, waiting for it: the page, or null at the end of the listing. Throws the failure
        /// of the read once the pages before it are taken.
        /// </summary>
        public async Task<PrefetchedPage<T>?> TakeAsync(CancellationToken cancellationToken)
        {
            await readyCount.WaitAsync(cancellationToken).ConfigureAwait(false);
            return Dequeue();
        }

        /// <summary>Takes the next page if it is there: false when nothing is ready yet; otherwise as TakeAsync.</summary>
        public bool TryTake(out PrefetchedPage<T>? page)
        {
            page = null;
            if (!readyCount.Wait(0)) return false;
            page = Dequeue();
            return true;
        }

        private PrefetchedPage<T>? Dequeue()
        {
            Entry entry;
            lock (ready)
            {
                entry = ready.Dequeue();
            }

            entry.Failure?.Throw();
            return entry.Page;
        }

        private async Task RunAsync()
        {
            CancellationToken token = cancellation.Token;
            try
            {
                while (reader.HasMorePages && (maxPages == 0 || reader.PageCount < maxPages))
                {
                    await requestAllowed.WaitAsync(token).ConfigureAwait(false);
                    Page<T>? page = await reader.ReadNextAsync(token).ConfigureAwait(false);
                    if (page == null) break;
                    Add(new Entry { Page = new PrefetchedPage<T>(page, reader.PageCount, reader.NextToken) });
                }

                Add(new Entry());
            }
            catch (Exception exception)
            {
                Add(new Entry { Failure = ExceptionDispatchInfo.Capture(exception) });
            }
        }

        private void Add(Entry entry)
        {
            lock (ready)
            {
                ready.Enqueue(entry);
            }

            readyCount.Release();
        }

        public void Dispose()
        {
            Stop();
            cancellation.Dispose();
        }

        private sealed class Entry
        {
            public PrefetchedPage<T>? Page;
            public ExceptionDispatchInfo? Failure;
        }
    }
}
