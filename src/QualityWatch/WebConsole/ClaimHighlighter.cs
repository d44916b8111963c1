namespace QualityWatch.WebConsole;

/// <summary>
/// Cuts a response into plain and claim segments: each unsupported claim the judge quoted is marked where it
/// occurs (case-insensitive; overlapping claims merge). A paraphrased claim that is not found is only listed.
/// </summary>
internal static class ClaimHighlighter
{
    public static IReadOnlyList<(string Text, bool Claim)> Segments(string text, IEnumerable<string> claims)
    {
        var marked = new bool[text.Length];
        foreach (var claim in claims.Select(c => c.Trim().TrimEnd('.')).Where(c => c.Length >= 3))
        {
            for (var at = text.IndexOf(claim, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(claim, at + claim.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, claim.Length);
            }
        }

        var segments = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                segments.Add((text[start..i], marked[start]));
                start = i;
            }
        }

        return segments;
    }

    public static bool Found(string text, string claim) =>
        claim.Trim().TrimEnd('.') is { Length: >= 3 } c && text.Contains(c, StringComparison.OrdinalIgnoreCase);
}
