namespace QualityWatch.Statistics;

/// <summary>
/// The one-sided two-proportion z test of a drop: how many standard errors a current proportion lies below a
/// baseline one, with the pooled proportion's standard error (the null hypothesis is no change). Used by the
/// judge-drift canary; derivation and operating characteristics in docs/statistics.md, "Judge-drift canary".
/// </summary>
internal static class ProportionDrop
{
    /// <summary>z of <paramref name="current"/>/<paramref name="currentTrials"/> below <paramref name="baseline"/>/<paramref name="baselineTrials"/>; null when either side has no trials.</summary>
    public static double? Z(long baseline, long baselineTrials, long current, long currentTrials)
    {
        if (baselineTrials <= 0 || currentTrials <= 0)
        {
            return null;
        }

        var p0 = (double)baseline / baselineTrials;
        var p1 = (double)current / currentTrials;
        var pooled = (double)(baseline + current) / (baselineTrials + currentTrials);
        var variance = pooled * (1 - pooled) * ((1.0 / baselineTrials) + (1.0 / currentTrials));

        // Both sides all-agree (or all-disagree): nothing moved, and 0/0 must not read as an alarm.
        return variance <= 0 ? 0 : (p0 - p1) / Math.Sqrt(variance);
    }

    /// <summary>
    /// McNemar's one-sided z for paired answers: <paramref name="lost"/> items right before and wrong now against
    /// <paramref name="gained"/> wrong before and right now; under no change each discordant item is a fair coin.
    /// Continuity-corrected (minus one), which keeps small counts from alarming early; 0 without discordant items.
    /// </summary>
    public static double McNemarZ(long lost, long gained)
    {
        var discordant = lost + gained;
        return discordant == 0 ? 0 : (lost - gained - 1) / Math.Sqrt(discordant);
    }

    /// <summary>
    /// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9), e.g. the z
    /// a one-sided test at level α must reach is <c>NormalQuantile(1 - α)</c>.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        if (p > 1 - low)
        {
            return -NormalQuantile(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return Horner(a, s) * r / ((Horner(b, s) * s) + 1);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var sum = 0.0;
        foreach (var coefficient in coefficients)
        {
            sum = (sum * x) + coefficient;
        }

        return sum;
    }
}
