using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>
/// IBANs: country code, two check digits and 11–30 letters or digits (15–34 in all), contiguous
/// or grouped by single spaces, replaced only when the ISO 13616 mod-97 check holds.
/// </summary>
internal static partial class IbanDetector
{
    /// <summary>
    /// Lookbehind for the digit detectors that run later: not inside an IBAN-shaped token. A
    /// mod-97-invalid IBAN (a typo) is left alone here, and its digit groups must not then be
    /// half-redacted as a card or phone number.
    /// </summary>
    internal const string NotInsideIban = @"(?<!\b[A-Z]{2}[0-9]{2}(?:\x20[A-Z0-9]{4}){0,7}\x20)";

    private const int MinLength = 15;
    private const int MaxLength = 34;

    public static string Redact(string text, RedactionCounts counts) =>
        Candidate().Replace(text, m => RedactCandidate(m.Value, counts));

    // The candidate pattern is greedy and may swallow following upper-case words or numbers
    // ("GB82 WEST 1234 5698 7654 32 TO PAY"), so the longest valid prefix ending at a group
    // boundary wins and the rest is kept.
    private static string RedactCandidate(string candidate, RedactionCounts counts)
    {
        Span<char> compact = stackalloc char[candidate.Length];
        var length = 0;
        Span<int> lengthAt = stackalloc int[candidate.Length + 1];
        for (var i = 0; i < candidate.Length; i++)
        {
            lengthAt[i] = length;
            if (candidate[i] != ' ')
            {
                compact[length++] = candidate[i];
            }
        }

        lengthAt[candidate.Length] = length;
        for (var end = candidate.Length; end > 0; end--)
        {
            var isBoundary = end == candidate.Length || candidate[end] == ' ';
            var prefixLength = lengthAt[end];
            if (isBoundary && prefixLength is >= MinLength and <= MaxLength && IbanChecksum.IsValid(compact[..prefixLength]))
            {
                counts.Add(PiiTypes.Iban);
                return string.Concat(PiiTypes.IbanPlaceholder, candidate.AsSpan(end));
            }
        }

        return candidate;
    }

    // Upper-case only: a case-insensitive version would take ordinary words as candidates.
    [GeneratedRegex(
        @"(?<!\w)[A-Z]{2}[0-9]{2}(?:\x20?[A-Z0-9]){11,30}(?!\w)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex Candidate();
}
