using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace QualityWatch.Redaction;

/// <summary>
/// Replaces PII in free text with typed placeholders. Thread-safe; one instance for the process.
/// </summary>
/// <remarks>
/// Detectors run in this fixed order, each on the output of the one before:
/// email, IBAN, payment card, US SSN, IP (v6 then v4), phone, then the custom patterns in
/// configuration order. Emails go first so their digits are not read as phones; IBANs before
/// cards so a card-shaped tail of an IBAN is not half-redacted; cards, SSNs and IPs before phones
/// so a phone shape never eats part of them.
/// </remarks>
internal sealed class Redactor
{
    /// <summary>
    /// Budget for one built-in pattern on one text. The built-ins are written to scan linearly, so
    /// this only trips on pathological input; it then fails safe like a custom pattern would.
    /// </summary>
    internal const int BuiltInTimeoutMilliseconds = 2000;

    internal const RegexOptions CustomPatternOptions = RegexOptions.CultureInvariant;

    private readonly (string Type, string Placeholder, Regex Regex)[] customPatterns;

    public Redactor(IOptions<RedactionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        // Compiled once: constructing a Regex per call would dominate the cost of redaction.
        customPatterns = [.. value.CustomPatterns.Select(p => (
            p.Name,
            p.Placeholder ?? PiiTypes.PlaceholderFor(p.Name),
            new Regex(p.Pattern, CustomPatternOptions | RegexOptions.Compiled, value.CustomPatternTimeout)))];
    }

    /// <summary>
    /// True when no detector can change <paramref name="text"/>, proved by <see cref="PiiPrefilter"/> without running them.
    /// A custom pattern can match anything, so with any configured this is always false.
    /// </summary>
    public bool IsCertainlyClean(string text) => customPatterns.Length == 0 && PiiPrefilter.CannotHoldPii(text);

    /// <summary>
    /// Returns <paramref name="text"/> with PII replaced and adds one count per replacement to
    /// <paramref name="counts"/>. If any pattern times out the whole text becomes
    /// <c>[REDACTION_FAILED]</c> and only <c>redaction_failed</c> is counted: a slow pattern must
    /// never let raw text through.
    /// </summary>
    public string Redact(string text, RedactionCounts counts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(counts);
        if (text.Length == 0 || IsCertainlyClean(text))
        {
            return text;
        }

        // Counted separately so that a text which fails half-way adds no counts for content
        // that is no longer in the output.
        var found = new RedactionCounts();
        try
        {
            var redacted = EmailDetector.Redact(text, found);
            redacted = IbanDetector.Redact(redacted, found);
            redacted = CardDetector.Redact(redacted, found);
            redacted = SsnDetector.Redact(redacted, found);
            redacted = IpDetector.Redact(redacted, found);
            redacted = PhoneDetector.Redact(redacted, found);
            foreach (var (type, placeholder, regex) in customPatterns)
            {
                redacted = regex.Replace(redacted, m =>
                {
                    // An empty match replaces nothing; counting it would invent PII.
                    if (m.Length == 0)
                    {
                        return string.Empty;
                    }

                    found.Add(type);
                    return placeholder;
                });
            }

            counts.AddFrom(found);
            return redacted;
        }
        catch (RegexMatchTimeoutException)
        {
            counts.Add(PiiTypes.RedactionFailed);
            return PiiTypes.RedactionFailedPlaceholder;
        }
    }
}
