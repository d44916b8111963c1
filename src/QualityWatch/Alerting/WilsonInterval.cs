namespace QualityWatch.Alerting;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927): stays inside [0, 1] and is
/// never zero-width at k = 0, unlike the Wald interval, so it is usable for small windows.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The two-sided 95% interval for <paramref name="successes"/> out of <paramref name="trials"/>; [0, 1] when there are no trials.</summary>
    public static (double Lower, double Upper) Compute(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return (0, 1);
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        var lower = successes == 0 ? 0 : Math.Max(0, (centre - spread) / denominator);
        var upper = successes == trials ? 1 : Math.Min(1, (centre + spread) / denominator);
        return (lower, upper);
    }
}
