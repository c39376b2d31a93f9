using System;

namespace IRSteps.Validation
{
    /// <summary>Checks on an endpoint the user names, made before any request is sent.</summary>
    internal static class EndpointSafety
    {
        /// <summary>
        /// A warning when the URL is plain http to a host other than this machine, else null. Only the host
        /// is named (a URL may carry user information). Loopback is decided from the URL alone, with no DNS.
        /// </summary>
        public static string? PlainHttpWarning(string? endpointUrl)
        {
            if (string.IsNullOrEmpty(endpointUrl)) return null;
            if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out Uri? uri)) return null; // refused later as InvalidEndpoint
            if (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) || uri.IsLoopback) return null;

            return "-EndpointUrl uses plain http to '" + uri.Host + "', which is not this machine: the requests, the answers, the access key id " +
                   "and any session token travel unencrypted and can be read or replayed on the way (the secret key itself is never sent). " +
                   "Use https, unless this is a test endpoint on a network you trust.";
        }
    }
}
