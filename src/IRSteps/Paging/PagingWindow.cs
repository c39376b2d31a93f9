namespace IRSteps.Paging
{
    /// <summary>-Skip and -First (SupportsPaging) counted across pages and pipeline items.</summary>
    internal sealed class PagingWindow
    {
        private readonly ulong skip;
        private readonly ulong first;
        private ulong skipped;
        private ulong written;

        /// <param name="skip">-Skip: objects to drop first.</param>
        /// <param name="first">-First: objects to write at most (ulong.MaxValue when not given).</param>
        public PagingWindow(ulong skip, ulong first)
        {
            this.skip = skip;
            this.first = first;
        }

        /// <summary>True once -First objects have been written: no more requests are needed.</summary>
        public bool Satisfied => written >= first;

        /// <summary>Whether admitting this many more objects satisfies -First (after what -Skip still drops).</summary>
        public bool SatisfiedAfter(int count)
        {
            if (first == ulong.MaxValue) return false;
            ulong toSkip = skip - skipped;
            ulong admitted = (ulong)count > toSkip ? (ulong)count - toSkip : 0;
            return written + admitted >= first;
        }

        /// <summary>Whether the next object should be written (counting it), or skipped / past -First.</summary>
        public bool Admit()
        {
            if (skipped < skip)
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
