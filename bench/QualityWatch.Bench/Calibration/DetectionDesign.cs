using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Calibration;

/// <summary>
/// One candidate configuration for detection with a noisy judge, evaluated by the sequential statistics alone: the
/// change-aware boost (one in <see cref="BoostEveryN"/> of 10,000 responses an hour, at most <see cref="BoostCap"/>
/// samples of a new version), the rule's <see cref="Multiplier"/>, and the deploy test's own alternative
/// (<see cref="DeployMultiplier"/>; null = the rule's). Every design spends policy (c)'s daily budget, 2,400 Flex
/// verdicts, a boost verdict (standard tier) counting <see cref="BoostCostRatio"/> of them: a larger boost cap is paid
/// for by a lower routine rate for the rest of the day, as <c>Sampling:Budget</c> paces it.
/// </summary>
internal sealed record DetectionDesign(string Name, int BoostEveryN, int BoostCap, double Multiplier, double? DeployMultiplier)
{
    private const double ResponsesPerHour = 10_000, DailyFlexVerdicts = 2400, BoostCostRatio = 2;

    public static IReadOnlyList<DetectionDesign> All { get; } =
    [
        new("policy (c) as shipped: boost 1 in 10 up to 250, multiplier 2", 10, 250, 2, null),
        new("boost 1 in 3 up to 250", 3, 250, 2, null),
        new("boost 1 in 3 up to 250, deploy test at 4×", 3, 250, 2, 4),
        new("boost 1 in 3 up to 250, multiplier 4", 3, 250, 4, null),
        new("boost 1 in 3 up to 500 (the new default; policy (d))", 3, 500, 2, null),
        new("boost 1 in 3 up to 500, deploy test at 3×", 3, 500, 2, 3),
        new("boost 1 in 3 up to 500, deploy test at 4×", 3, 500, 2, 4),
        new("boost 1 in 3 up to 750, deploy test at 4×", 3, 750, 2, 4),
    ];

    /// <summary>Routine verdicts an hour once the boost is spent: what the day's budget leaves.</summary>
    public double RoutinePerHour => (DailyFlexVerdicts - (BoostCap * BoostCostRatio)) / 24;

    /// <summary>Verdicts a day with one new version a day.</summary>
    public int PerDay => (int)(BoostCap + (RoutinePerHour * 24));

    /// <summary>Minutes from a new version's first response to its <paramref name="verdicts"/>th verdict (judge latency not included).</summary>
    public double Minutes(double verdicts)
    {
        var boostPerMinute = ResponsesPerHour / BoostEveryN / 60;
        return verdicts <= BoostCap
            ? verdicts / boostPerMinute
            : (BoostCap / boostPerMinute) + ((verdicts - BoostCap) * 60 / RoutinePerHour);
    }

    public string Format(double verdicts)
    {
        var minutes = Minutes(verdicts);
        return minutes < 60 ? Fmt.F(minutes, 1) + " min" : Fmt.F(minutes, 0) + " min";
    }
}
