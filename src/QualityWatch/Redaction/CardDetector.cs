using System.Text;
using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>
/// Payment card numbers: 13–19 digits, contiguous or grouped by single spaces or dashes,
/// replaced only when the first digit is 2–9 and the Luhn checksum holds.
/// </summary>
internal static partial class CardDetector
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;

    public static string Redact(string text, RedactionCounts counts) =>
        Candidate().Replace(text, m => RedactRun(m.Value, counts));

    // A candidate is a whole run of digit groups, not one card: "4111 1111 1111 1111 12/26"
    // or two cards in a list must still be found, so the run is searched for card-shaped spans.
    private static string RedactRun(string run, RedactionCounts counts)
    {
        var groups = DigitGroups(run);
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (i < groups.Count)
        {
            var last = LongestCardFrom(run, groups, i);
            if (last < 0)
            {
                i++;
                continue;
            }

            output ??= new StringBuilder(run.Length);
            output.Append(run, copied, groups[i].Start - copied).Append(PiiTypes.CardPlaceholder);
            copied = groups[last].End;
            counts.Add(PiiTypes.Card);
            i = last + 1;
        }

        return output is null ? run : output.Append(run, copied, run.Length - copied).ToString();
    }

    /// <summary>Index of the last group of the longest valid card starting at group <paramref name="first"/>, or -1.</summary>
    private static int LongestCardFrom(string run, List<(int Start, int End)> groups, int first)
    {
        // Card networks issue numbers starting 2–9 (1 is only the rare UATP airline card). Skipping
        // 0 and 1 keeps zero-padded ids, "0044 …" phones and epoch-millisecond timestamps
        // ("1732460000000" happens to pass Luhn) out.
        if (run[groups[first].Start] is '0' or '1')
        {
            return -1;
        }

        Span<char> digits = stackalloc char[MaxDigits];
        for (var last = groups.Count - 1; last >= first; last--)
        {
            var count = 0;
            var shaped = true;
            for (var g = first; g <= last && count <= MaxDigits; g++)
            {
                var length = groups[g].End - groups[g].Start;
                // Printed cards group 4-4-4-4, 4-6-5, 4-4-4-4-3 …; a list of short numbers is not a card.
                shaped &= g == last || length is >= 3 and <= 6;
                count += length;
            }

            if (count < MinDigits)
            {
                return -1;
            }

            if (count > MaxDigits || !shaped || (last > first && groups[last].End - groups[last].Start > 6))
            {
                continue;
            }

            var written = 0;
            for (var g = first; g <= last; g++)
            {
                run.AsSpan(groups[g].Start, groups[g].End - groups[g].Start).CopyTo(digits[written..]);
                written += groups[g].End - groups[g].Start;
            }

            if (Luhn.IsValid(digits[..written]))
            {
                return last;
            }
        }

        return -1;
    }

    private static List<(int Start, int End)> DigitGroups(string run)
    {
        var groups = new List<(int Start, int End)>();
        var start = -1;
        for (var i = 0; i <= run.Length; i++)
        {
            var isDigit = i < run.Length && char.IsAsciiDigit(run[i]);
            if (isDigit && start < 0)
            {
                start = i;
            }
            else if (!isDigit && start >= 0)
            {
                groups.Add((start, i));
                start = -1;
            }
        }

        return groups;
    }

    // Not after a word character, '.', ',' or '+' (decimals, prices, codes, phone numbers) and not
    // followed by a word character or a decimal part. Bounded group count keeps scanning linear.
    [GeneratedRegex(
        IbanDetector.NotInsideIban + @"(?<![\w.,+])[0-9]+(?:[\x20\-][0-9]+){0,24}(?!\w|[.,][0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex Candidate();
}
