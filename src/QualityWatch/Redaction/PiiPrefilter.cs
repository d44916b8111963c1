using System.Buffers;

namespace QualityWatch.Redaction;

/// <summary>
/// One linear pass that proves a text holds nothing any built-in detector could replace, so the detectors' nine regexes
/// need not run. Every interaction id is redacted, and nearly all ids hold no PII (bench/RESULTS.md, "Ingest profile").
/// It answers "clean" only when it can prove it, from what each detector's pattern minimally needs:
/// <list type="bullet">
/// <item>email: an '@'; IPv6: a ':'; an international phone number: a '+' (or a 00 prefix, below);</item>
/// <item>IBAN: two ASCII capitals followed by two digits;</item>
/// <item>payment card: 13 or more digits in digit groups joined by single spaces or dashes, every group but the last
/// of 3–6 digits (the card detector's printed shapes), or one group of 13 or more;</item>
/// <item>SSN: digit groups of exactly 3, 2 and 4 joined by single dashes;</item>
/// <item>IPv4: four digit groups of 1–3 joined by single dots;</item>
/// <item>North American phone: digit groups of exactly 3, 3 and 4 joined by one or two separators;</item>
/// <item>national or 00-prefixed phone: 9 or more digits in a cluster from a group that starts with 0 and has 2–6 digits
/// (the trunk 0 and area code) or starts with 00.</item>
/// </list>
/// A "digit group" is a maximal run of ASCII digits (the detectors' <c>[0-9]</c>; each pattern's groups are maximal runs,
/// since every group is bounded by a separator or a word-boundary look-around). A "cluster" is a chain of digit groups
/// joined by one to three of the characters the phone, card, SSN and IP patterns use between groups (space . - / ( )),
/// a superset of every chain those patterns accept, so the checks may say "maybe" too often, never "clean" wrongly.
/// Session 9's per-detector digit count was slower on digit-heavy ids (UUIDs): this looks at group shapes, not totals.
/// </summary>
internal static class PiiPrefilter
{
    private const int MaxGap = 3;
    private const int CardDigits = 13;
    private const int NationalDigits = 9;

    private static readonly SearchValues<char> AlwaysScan = SearchValues.Create("@:+");

    /// <summary>True when no built-in detector can change <paramref name="text"/>; false means "run them" (not "has PII").</summary>
    public static bool CannotHoldPii(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny(AlwaysScan) || MayHoldIban(text))
        {
            return false;
        }

        var start = text.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return true;
        }

        // Per chain, as groups are read left to right.
        var fromZero = -1;      // digits in this cluster from its first trunk-0 / 00 group on; -1 before one
        var cardDigits = 0;
        var cardShaped = false; // the group before, joined to this one, has 3-6 digits
        var dashShape = 0;      // SSN: how much of 3-2-4 the groups joined by single dashes so far end with
        var dottedShort = 0;    // IPv4: groups of 1-3 digits joined by single dots, ending here
        int previous = -1, beforePrevious = -1; // lengths of the two groups before, in this cluster
        while (true)
        {
            var length = text[start..].IndexOfAnyExceptInRange('0', '9');
            length = length < 0 ? text.Length - start : length;

            if (fromZero < 0 && text[start] == '0' && (length is >= 2 and <= 6 || (length > 2 && text[start + 1] == '0')))
            {
                fromZero = 0;
            }

            fromZero = fromZero < 0 ? -1 : fromZero + length;
            cardDigits = cardShaped ? cardDigits + length : length;
            dottedShort = length <= 3 ? dottedShort + 1 : 0;
            dashShape = (dashShape, length) switch
            {
                (0, 3) or (1, 3) or (2, 3) => 1,
                (1, 2) => 2,
                (2, 4) => 3,
                _ => 0,
            };

            if (cardDigits >= CardDigits || dashShape == 3 || dottedShort >= 4 ||
                fromZero >= NationalDigits ||
                (beforePrevious == 3 && previous == 3 && length == 4))
            {
                return false;
            }

            var end = start + length;
            var next = text[end..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return true;
            }

            var gap = text.Slice(end, next);
            start = end + next;
            var single = gap.Length == 1 ? gap[0] : '\0';
            cardShaped = single is ' ' or '-' && length is >= 3 and <= 6;

            if (single != '-')
            {
                dashShape = 0;
            }

            if (single != '.')
            {
                dottedShort = 0;
            }

            if (gap.Length <= MaxGap && IsSeparators(gap))
            {
                beforePrevious = previous;
                previous = length;
            }
            else
            {
                fromZero = -1;
                beforePrevious = previous = -1;
            }
        }
    }

    private static bool IsSeparators(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is not (' ' or '.' or '-' or '/' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MayHoldIban(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyInRange('A', 'Z');
        while (at >= 0 && at + 3 < text.Length)
        {
            if (char.IsAsciiLetterUpper(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3]))
            {
                return true;
            }

            var next = text[(at + 1)..].IndexOfAnyInRange('A', 'Z');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }
}
