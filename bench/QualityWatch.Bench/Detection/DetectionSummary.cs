namespace QualityWatch.Bench.Detection;

/// <summary>The runs of one policy on one scenario, reduced to the figures the issue asks for.</summary>
internal sealed record DetectionSummary(DetectionPolicy Policy, DetectionScenario Scenario, IReadOnlyList<DetectionRun> Runs, TimeSpan Horizon)
{
    /// <summary>Runs that notified within the horizon.</summary>
    public int Detected => Runs.Count(r => r.Delay is not null);

    /// <summary>The q-quantile of change → first notification; a run that never notified counts as beyond the horizon (null).</summary>
    public TimeSpan? DelayQuantile(double q)
    {
        var delays = Runs.Select(r => r.Delay ?? TimeSpan.MaxValue).Order().ToList();
        if (delays.Count == 0)
        {
            return null;
        }

        // Nearest rank: the smallest delay with at least q of the runs at or below it.
        var value = delays[Math.Clamp((int)Math.Ceiling(q * delays.Count) - 1, 0, delays.Count - 1)];
        return value == TimeSpan.MaxValue ? null : value;
    }

    public double FalseAlarms => Runs.Sum(r => r.FalseAlarms);

    public double ObservedDays => Runs.Sum(r => r.Observed.TotalDays);

    public double FalseAlarmsPer30Days => ObservedDays > 0 ? FalseAlarms / ObservedDays * 30 : 0;

    public double SpendDays => Runs.Sum(r => r.SpendSpan.TotalDays);

    public double UsdPerDay => SpendDays > 0 ? Runs.Sum(r => r.Spend.Usd) / SpendDays : 0;

    public double VerdictsPerDay => SpendDays > 0 ? Runs.Sum(r => r.Spend.Verdicts) / SpendDays : 0;

    public double BoostedPerDay => SpendDays > 0 ? Runs.Sum(r => r.Spend.Boosted) / SpendDays : 0;
}
