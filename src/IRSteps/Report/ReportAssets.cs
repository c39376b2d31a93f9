#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace IRSteps.Report
{
    /// <summary>
    /// The report's stylesheet and sorting script (report.css and report.js, embedded in the assembly), and the
    /// Content-Security-Policy that allows exactly them: no other script or style runs, and nothing is fetched
    /// from anywhere, even if a value from the input were ever to slip past the escaping.
    /// </summary>
    internal static class ReportAssets
    {
        private static readonly Lazy<string> Css = new Lazy<string>(() => Read("report.css"));
        private static readonly Lazy<string> Script = new Lazy<string>(() => Read("report.js"));

        public static string Stylesheet => Css.Value;

        public static string SortScript => Script.Value;

        /// <summary>The policy: nothing by default; the one stylesheet and the one script, by their hashes.</summary>
        public static string ContentSecurityPolicy =>
            "default-src 'none'; style-src '" + Hash(Stylesheet) + "'; script-src '" + Hash(SortScript) + "'; base-uri 'none'; form-action 'none'";

        /// <summary>A CSP source expression for an inline element's text: sha256-&lt;base64&gt;.</summary>
        public static string Hash(string text)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
            }
        }

        private static string Read(string name)
        {
            using (Stream stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("IRSteps.Report." + name))
            {
                if (stream == null) throw new InvalidOperationException("The report's " + name + " is not embedded in IRSteps.dll.");
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    // Line ends as checked out must not change the report: always \n.
                    return reader.ReadToEnd().Replace("\r\n", "\n");
                }
            }
        }
    }
}
