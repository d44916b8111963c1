namespace QualityWatch.Statistics;

/// <summary>
/// Page's one-sided CUSUM on Bernoulli data (hallucinated yes/no) in log-likelihood-ratio form:
/// W = max(0, W + ℓ(x)), alarm when W ≥ h, with ℓ(1) = ln(p1/p0) and ℓ(0) = ln((1−p1)/(1−p0)).
/// The alarm level h comes from the in-control average run length ARL0 through Wald's approximation
/// without the overshoot term (the Bernoulli form of Siegmund's approximation with zero correction):
/// ARL0 ≈ (e^h − h − 1) / KL(p0‖p1). Ignoring the overshoot makes it conservative: the true ARL0 at
/// that h is longer (≈1.7× at 2%→8%, ARL0 72,000), so the false-alarm budget is kept at a few percent
/// extra delay. Derivation: docs/statistics.md, "Bernoulli CUSUM". Verified by simulation in the tests.
/// </summary>
internal static class BernoulliCusum
{
    /// <summary>Hours in the 30-day month the false-alarm budget is stated per.</summary>
    public const double HoursPer30Days = 720;

    /// <summary>The per-sample log-likelihood ratios (hallucinated, not hallucinated).</summary>
    public static (double Hit, double Miss) Llr(double p0, double p1) => (Math.Log(p1 / p0), Math.Log((1 - p1) / (1 - p0)));

    /// <summary>Kullback–Leibler divergence KL(Bern(p) ‖ Bern(q)) in nats.</summary>
    public static double Kl(double p, double q) => (p * Math.Log(p / q)) + ((1 - p) * Math.Log((1 - p) / (1 - q)));

    /// <summary>Wald's approximation of the in-control average run length, in samples, for alarm level <paramref name="h"/>.</summary>
    public static double ApproximateArl0(double h, double p0, double p1) => (Math.Exp(h) - h - 1) / Kl(p0, p1);

    /// <summary>ARL0 in samples for a budget of false alarms per 30 days at a sample rate per hour.</summary>
    public static double Arl0Samples(double falseAlarmsPer30Days, double samplesPerHour) => HoursPer30Days * samplesPerHour / falseAlarmsPer30Days;

    /// <summary>The alarm level h (nats) whose approximate ARL0 is <paramref name="arl0"/> samples.</summary>
    public static double AlarmLevel(double arl0, double p0, double p1)
    {
        double low = 1e-6, high = 100;
        for (var i = 0; i < 200 && high - low > 1e-9; i++)
        {
            var mid = (low + high) / 2;
            if (ApproximateArl0(mid, p0, p1) < arl0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }
}
