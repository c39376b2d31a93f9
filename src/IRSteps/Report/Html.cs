#nullable disable // not annotated yet: docs/ARCHITECTURE.md, Habits
using System.Text;

namespace IRSteps.Report
{
    /// <summary>
    /// HTML escaping for every value that comes from the input (job names, failure reasons, titles, instance types):
    /// the same escape serves text and quoted attribute values, so a value can never open an element or leave an attribute.
    /// </summary>
    internal static class Html
    {
        public static string Escape(string value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            StringBuilder escaped = null;
            for (int i = 0; i < value.Length; i++)
            {
                string replacement = Replacement(value[i]);
                if (replacement == null)
                {
                    escaped?.Append(value[i]);
                    continue;
                }

                if (escaped == null) escaped = new StringBuilder(value, 0, i, value.Length + 16);
                escaped.Append(replacement);
            }

            return escaped?.ToString() ?? value;
        }

        private static string Replacement(char c)
        {
            switch (c)
            {
                case '&': return "&amp;";
                case '<': return "&lt;";
                case '>': return "&gt;";
                case '"': return "&quot;";
                case '\'': return "&#39;";
                case '\0': return "\uFFFD";
                default: return null;
            }
        }
    }
}
