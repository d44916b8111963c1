using Microsoft.Extensions.Options;
using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

internal static class TestRedactors
{
    public static Redactor Create(params CustomRedactionPattern[] customPatterns) =>
        Create(TimeSpan.FromMilliseconds(100), customPatterns);

    public static Redactor Create(TimeSpan timeout, params CustomRedactionPattern[] customPatterns) =>
        new(Options.Create(new RedactionOptions { CustomPatterns = [.. customPatterns], CustomPatternTimeout = timeout }));

    /// <summary>"card=1;phone=2", sorted by key, "" when nothing was counted.</summary>
    public static string Describe(RedactionCounts counts) =>
        string.Join(';', counts.AsDictionary().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
