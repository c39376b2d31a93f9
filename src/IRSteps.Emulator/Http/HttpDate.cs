using System;
using System.Globalization;

namespace IRSteps.Emulator.Http
{
    /// <summary>The Date header (the SDKs correct their clock skew from it), formatted once a second.</summary>
    internal static class HttpDate
    {
        private static string cached = string.Empty;
        private static long cachedSecond = -1;

        public static string Now()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            long second = now.ToUnixTimeSeconds();
            if (second != cachedSecond)
            {
                cached = now.ToString("r", CultureInfo.InvariantCulture);
                cachedSecond = second;
            }

            return cached;
        }
    }
}
