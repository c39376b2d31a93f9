using System.Management.Automation;

namespace IRSteps.Paging
{
    /// <summary>-Skip and -First (SupportsPaging) counted across pages and pipeline items.</summary>
    internal sealed class PagingWindow
    {
        private readonly PagingParameters paging;
        private ulong skipped;
        private ulong written;

        public PagingWindow(PagingParameters paging)
        {
            this.paging = paging;
        }

        /// <summary>True once -First objects have been written: no more requests are needed.</summary>
        public bool Satisfied => written >= paging.First;

        /// <summary>Whether admitting this many more objects satisfies -First (after what -Skip still drops).</summary>
        public bool SatisfiedAfter(int count)
        {
            if (paging.First == ulong.MaxValue) return false;
            ulong toSkip = paging.Skip - skipped;
            ulong admitted = (ulong)count > toSkip ? (ulong)count - toSkip : 0;
            return written + admitted >= paging.First;
        }

        /// <summary>Whether the next object should be written (counting it), or skipped / past -First.</summary>
        public bool Admit()
        {
            if (skipped < paging.Skip)
            {
                skipped++;
                return false;
            }

            if (Satisfied) return false;
            written++;
            return true;
        }
    }
}
