namespace QualityWatch.Statistics;

/// <summary>A seed from numbers that is the same in every process (HashCode is randomised per process): SplitMix64 folding.</summary>
internal static class StableSeed
{
    public static int Of(params ReadOnlySpan<long> values)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var value in values)
        {
            state = Mix(state ^ unchecked((ulong)value));
        }

        return (int)(state & int.MaxValue);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
