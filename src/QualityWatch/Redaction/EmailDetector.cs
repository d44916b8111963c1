using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>Email addresses: <c>local@domain.tld</c>, internationalised letters allowed.</summary>
internal static partial class EmailDetector
{
    public static string Redact(string text, RedactionCounts counts) =>
        text.Contains('@', StringComparison.Ordinal)
            ? Candidate().Replace(text, _ =>
            {
                counts.Add(PiiTypes.Email);
                return PiiTypes.EmailPlaceholder;
            })
            : text;

    [GeneratedRegex(
        @"[\p{L}\p{N}._%+\-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}(?![\p{L}\p{N}\-])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex Candidate();
}
