namespace QualityWatch.Cli;

/// <summary>The closest known word to a typo, by optimal string alignment distance (a swap of neighbours counts once: dmeo → demo).</summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var best = known
            .Select(word => (Word: word, Distance: Distance(typed.ToLowerInvariant(), word.ToLowerInvariant())))
            .MinBy(c => c.Distance);

        // Beyond two edits (or a third of a short word) the guess is more likely wrong than helpful.
        return best.Word is not null && best.Distance <= Math.Min(2, Math.Max(1, best.Word.Length / 3)) ? best.Word : null;
    }

    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
