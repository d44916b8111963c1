namespace QualityWatch.Statistics;

/// <summary>
/// The deploy-anchored one-sided SPRT of a new version: alarm when the log-likelihood ratio summed since the
/// version's first verdict reaches <see cref="Level"/> = ln(1/α); by Ville's inequality an in-control version
/// crosses it with probability at most α, ever. It runs for the version's first <see cref="MaxSamples"/> verdicts.
/// Derivation: docs/statistics.md, "The deploy-anchored SPRT".
/// </summary>
internal sealed record DeployAnchoredSprt(double Level, long MaxSamples)
{
    /// <summary>The test that never alarms (the rule gives the deploy tests no share of its budget).</summary>
    public static DeployAnchoredSprt Off { get; } = new(double.PositiveInfinity, 0);

    /// <summary>
    /// The rule's false-alarm budget split: <paramref name="share"/> of it goes to the deploy tests, spread over
    /// <paramref name="versionsPerDay"/> × 30 new versions a month, so α = budget × share / (30 × versionsPerDay) per
    /// version; the CUSUM keeps budget × (1 − share).
    /// </summary>
    public static DeployAnchoredSprt For(double falseAlarmsPer30Days, double share, double versionsPerDay, long maxSamples) => share <= 0
        ? Off
        : new DeployAnchoredSprt(Math.Log(30 * versionsPerDay / (falseAlarmsPer30Days * share)), maxSamples);

    /// <summary>False alarms per 30 days left to the CUSUM when <paramref name="share"/> of the budget goes to the deploy tests.</summary>
    public static double CusumBudget(double falseAlarmsPer30Days, double share) => falseAlarmsPer30Days * (1 - Math.Clamp(share, 0, 1));
}
