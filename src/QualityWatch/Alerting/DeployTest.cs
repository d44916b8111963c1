namespace QualityWatch.Alerting;

/// <summary>
/// The deploy-anchored one-sided SPRT of a new version: alarm when the log-likelihood ratio summed since the
/// version's first verdict reaches <see cref="Level"/> = ln(1/α); by Ville's inequality an in-control version
/// crosses it with probability at most α, ever. It runs for the version's first <see cref="MaxSamples"/> verdicts.
/// </summary>
public sealed record DeployTest(double Level, long MaxSamples)
{
    /// <summary>
    /// The rule's false-alarm budget split: <c>DeployTestShare</c> of it goes to the deploy tests, spread over
    /// <c>VersionsPerDay</c> × 30 new versions a month, so α = budget × share / (30 × VersionsPerDay) per version;
    /// the CUSUM keeps budget × (1 − share).
    /// </summary>
    public static DeployTest For(AlertRuleOptions rule) => rule.DeployTestShare <= 0
        ? new DeployTest(double.PositiveInfinity, 0)
        : new DeployTest(Math.Log(30 * rule.VersionsPerDay / (rule.FalseAlarmsPer30Days * rule.DeployTestShare)), rule.DeployTestSamples);

    /// <summary>False alarms per 30 days left to the CUSUM.</summary>
    public static double CusumBudget(AlertRuleOptions rule) => rule.FalseAlarmsPer30Days * (1 - Math.Clamp(rule.DeployTestShare, 0, 1));
}
