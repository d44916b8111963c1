using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>
/// Phone numbers with 7–15 digits, in three shapes tried in this order:
/// international (<c>+CC …</c> or <c>00CC …</c>), North American (<c>(555) 123-4567</c>,
/// <c>555-123-4567</c>, <c>555.123.4567</c>) and European national with a trunk 0
/// (<c>020 7946 0958</c>, <c>06 12 34 56 78</c>, <c>(030) 901820</c>).
/// </summary>
/// <remarks>
/// Only these shapes are recognised: a bare digit run without '+' or separators is never a
/// phone, because order numbers, timestamps and ids look exactly like one.
/// </remarks>
internal static partial class PhoneDetector
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;

    // A trunk-0 number has 9 or more digits; below that it is more often a date like 03.15.2024.
    private const int MinNationalDigits = 9;
    private const int MaxNationalDigits = 13;

    public static string Redact(string text, RedactionCounts counts)
    {
        text = International().Replace(text, m => RedactInternational(m.Value, counts));
        text = NorthAmerican().Replace(text, _ => Count(counts));
        return National().Replace(text, m =>
            CountDigits(m.Value) is >= MinNationalDigits and <= MaxNationalDigits ? Count(counts) : m.Value);
    }

    private static string Count(RedactionCounts counts)
    {
        counts.Add(PiiTypes.Phone);
        return PiiTypes.PhonePlaceholder;
    }

    private static string RedactInternational(string candidate, RedactionCounts counts)
    {
        var plus = candidate[0] != '0';
        // Zero-padded ids ("0012345678") look like a 00-prefixed number; a real one is grouped.
        if (!plus && candidate.AsSpan().IndexOfAny(" .-(") < 0)
        {
            return candidate;
        }

        // The 00 prefix is dialling, not part of the E.164 number whose length is capped at 15.
        var digits = plus ? 0 : -2;
        var end = -1;
        for (var i = 0; i < candidate.Length; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                continue;
            }

            digits++;
            var atGroupEnd = i + 1 == candidate.Length || !char.IsAsciiDigit(candidate[i + 1]);
            if (digits > MaxDigits)
            {
                break;
            }

            if (atGroupEnd && digits >= MinDigits)
            {
                end = i + 1;
            }
        }

        if (end < 0)
        {
            return candidate;
        }

        // Groups beyond 15 digits belong to whatever follows the number; keep them.
        counts.Add(PiiTypes.Phone);
        return string.Concat(PiiTypes.PhonePlaceholder, candidate.AsSpan(end));
    }

    private static int CountDigits(string value)
    {
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                n++;
            }
        }

        return n;
    }

    // '+', '(+CC)' or '00', then digit groups separated by one space, '.' or '-', with an optional
    // parenthesised group: +1 (555) 123-4567, +44 (0)20 7946 0958, (+44) 20 7946 0958,
    // +33 6 12 34 56 78, +14155552671.
    // Digit runs are atomic, so a failed match cannot retry every way of splitting them.
    [GeneratedRegex(
        IbanDetector.NotInsideIban + @"(?<![\w+])(?:\(\+[0-9]{1,4}\)|(?:\+|00(?=[1-9]))(?>[0-9]+))(?:[\x20.\-]?\((?>[0-9]+)\)[\x20.\-]?(?>[0-9]+)|[\x20.\-](?>[0-9]+))*(?!\w)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex International();

    // Optional leading "1", area code 2xx–9xx (in parentheses, or followed by a separator that the
    // rest must repeat), then 3 + 4 digits. Not inside a longer dashed or dotted number.
    [GeneratedRegex(
        IbanDetector.NotInsideIban + @"(?<![\w+.\-/])(?:1[\x20.\-])?(?:\([2-9][0-9]{2}\)\x20?|[2-9][0-9]{2}(?<sep>[\x20.\-]))[0-9]{3}(?(sep)\k<sep>|[\x20.\-])[0-9]{4}(?!\w|[.\-/][0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex NorthAmerican();

    // Trunk 0 and area code, then groups of 2–8 digits. Without parentheses the separator must be
    // the same throughout, so "05.03.2024 12:00" is not read as one number.
    [GeneratedRegex(
        IbanDetector.NotInsideIban + @"(?<![\w+.\-/,])(?:0[1-9][0-9]{0,4}(?<sep>[\x20.\-/])[0-9]{2,8}(?:\k<sep>[0-9]{2,8}){0,4}|\(0[1-9][0-9]{0,4}\)\x20?[0-9]{2,8}(?:[\x20\-][0-9]{2,8}){0,4})(?!\w|[.\-/,][0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex National();
}
