namespace QualityWatch.Redaction;

/// <summary>
/// The cheap test each digit detector runs before its regexes: a text with fewer ASCII digits than the shortest number
/// the detector replaces cannot change, so the regexes (and the strings Regex.Replace builds for every candidate a
/// detector then keeps) are skipped. Identifiers are scanned on every interaction, and most hold a few digits at most.
/// </summary>
internal static class DigitCount
{
    /// <summary>True when <paramref name="text"/> holds at least <paramref name="minimum"/> ASCII digits; stops at the last one needed.</summary>
    public static bool AtLeast(ReadOnlySpan<char> text, int minimum)
    {
        while (minimum > 0)
        {
            var next = text.IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return false;
            }

            minimum--;
            text = text[(next + 1)..];
        }

        return true;
    }
}
