namespace QualityWatch.Statistics;

/// <summary>
/// The in-control rate p0 a sequential rule learns from a stream's history. A point estimate from a day or
/// two of verdicts is too low half the time, and a CUSUM or SPRT tuned to a too-low p0 alarms far more
/// often than its budget (a 2% stream learned from 2,400 verdicts: 1.6 false alarms per 30 days instead of
/// ≤ 1). So p0 is the upper Wilson bound <c>standardErrors</c> above the estimate; in-control traffic at
/// any rate at or below it keeps the budget (the LLR's drift only gets more negative).
/// Derivation: docs/statistics.md, "The learned baseline".
/// </summary>
internal static class LearnedBaseline
{
    /// <summary>p0 from <paramref name="hallucinations"/> of <paramref name="samples"/> verdicts.</summary>
    public static double Rate(long hallucinations, long samples, double standardErrors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        // Half a hallucination keeps a spotless history from giving p0 = 0 (which no evidence could exceed).
        var floor = 0.5 / samples;
        var upper = standardErrors > 0 ? WilsonInterval.For(hallucinations, samples, standardErrors).Upper : (double)hallucinations / samples;
        return Math.Max(upper, floor);
    }
}
