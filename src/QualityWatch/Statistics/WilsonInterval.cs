namespace QualityWatch.Statistics;

/// <summary>
/// The Wilson score interval for a proportion: stays inside [0, 1] and is never zero-width,
/// so a night with 0 of 12 samples hallucinating still says "up to 24%", not "0%".
/// Derivation: docs/statistics.md, "Wilson score interval".
/// </summary>
internal readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; [0, 1] when there are no trials.</summary>
    public static WilsonInterval For(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, Math.Max(trials, 0));
        if (trials <= 0)
        {
            return new WilsonInterval(0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = p + (z2 / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var lower = successes == 0 ? 0 : (centre - margin) / denominator;
        var upper = successes == trials ? 1 : (centre + margin) / denominator;
        return new WilsonInterval(Math.Max(0, lower), Math.Min(1, upper));
    }
}
