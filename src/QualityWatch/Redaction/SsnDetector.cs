using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>
/// US Social Security numbers <c>ddd-dd-dddd</c>, skipping numbers the SSA never issues:
/// area 000, 666 or 9xx, group 00, serial 0000.
/// </summary>
internal static partial class SsnDetector
{
    public static string Redact(string text, RedactionCounts counts) =>
        Candidate().Replace(text, _ =>
        {
            counts.Add(PiiTypes.Ssn);
            return PiiTypes.SsnPlaceholder;
        });

    // Not inside a longer dashed code such as "ORD-123-45-6789-X".
    [GeneratedRegex(
        @"(?<![\w\-])(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![\w\-]|\.[0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex Candidate();
}
