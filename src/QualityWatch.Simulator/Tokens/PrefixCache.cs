namespace QualityWatch.Simulator.Tokens;

/// <summary>
/// Remembers recently seen prompt texts to answer "how long a prefix of this prompt was seen
/// within the window", which is what implicit (Gemini) and automatic (OpenAI) prompt caching bill.
/// A bounded ring keeps the cost flat under load; the oldest prompt falls out first.
/// </summary>
internal sealed class PrefixCache(TimeProvider time, TimeSpan window, int capacity = 256)
{
    private readonly Lock gate = new();
    private readonly Entry[] ring = new Entry[capacity];
    private int next;

    /// <summary>Returns the longest shared prefix (in chars) with a prompt seen within the window, then remembers this one.</summary>
    public int MatchAndRemember(string text)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var best = 0;
            var same = -1;
            for (var i = 0; i < ring.Length; i++)
            {
                var entry = ring[i];
                if (entry.Text is null || now - entry.Seen > window)
                {
                    continue;
                }

                var shared = text.AsSpan().CommonPrefixLength(entry.Text);
                best = Math.Max(best, shared);
                if (shared == text.Length && shared == entry.Text.Length)
                {
                    same = i;
                }
            }

            // A repeated prompt refreshes its entry instead of pushing a different one out.
            if (same >= 0)
            {
                ring[same] = new Entry(text, now);
            }
            else
            {
                ring[next] = new Entry(text, now);
                next = (next + 1) % ring.Length;
            }

            return best;
        }
    }

    private readonly record struct Entry(string? Text, DateTimeOffset Seen);
}
