using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IRSteps.Errors;

namespace IRSteps.Paging
{
    /// <summary>
    /// Follows NextToken one page at a time, so the caller can write each page before asking for the
    /// next. Every token is followed, an empty page that carries one too; a token the service already
    /// gave (unchanged, or a cycle) ends the listing with an error instead of looping for ever.
    /// </summary>
    internal sealed class PageReader<T>
    {
        private readonly Func<string?, CancellationToken, Task<Page<T>>> fetch;
        private readonly string? subject;
        private readonly string? operation;
        private readonly HashSet<string> tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        private string? nextToken;
        private bool finished;

        /// <param name="fetch">Reads the page at a token (null for the first page).</param>
        /// <param name="subject">What is being listed, for error messages (e.g. "job 'x'").</param>
        /// <param name="startToken">Where to resume, or null to start at the beginning.</param>
        /// <param name="operation">The listing's operation, named on its failures (IRStepsServiceException.Operation) that do not name one.</param>
        public PageReader(Func<string?, CancellationToken, Task<Page<T>>> fetch, string? subject, string? startToken = null, string? operation = null)
        {
            this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            this.subject = subject;
            this.operation = operation;
            nextToken = string.IsNullOrEmpty(startToken) ? null : startToken;
            if (nextToken != null) tokensSeen.Add(nextToken);
        }

        /// <summary>How many pages have been read.</summary>
        public int PageCount { get; private set; }

        /// <summary>The token of the page after the last one read; null once the listing is complete.</summary>
        public string? NextToken => nextToken;

        public bool HasMorePages => !finished;

        /// <summary>Reads the next page; null when the listing is complete.</summary>
        public async Task<Page<T>?> ReadNextAsync(CancellationToken cancellationToken)
        {
            if (finished) return null;

            Page<T> page;
            try
            {
                page = await fetch(nextToken, cancellationToken).ConfigureAwait(false);
            }
            catch (IRStepsServiceException exception)
            {
                exception.Operation = exception.Operation ?? operation;
                throw;
            }

            PageCount++;
            if (page.NextToken == null)
            {
                finished = true;
                nextToken = null;
            }
            else if (!tokensSeen.Add(page.NextToken))
            {
                finished = true;
                throw new IRStepsServiceException(
                    ServiceErrorKind.RepeatedToken,
                    "The listing of " + subject + " stopped after page " + PageCount + ": the service returned a NextToken it had already returned, " +
                    "so reading on would never end. Run the command again; if it repeats, report the request id to AWS.",
                    requestId: page.RequestId)
                {
                    Operation = operation,
                };
            }
            else
            {
                nextToken = page.NextToken;
            }

            return page;
        }
    }
}
