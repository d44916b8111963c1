using System.Globalization;

namespace QualityWatch.Bench.Detection;

/// <summary>
/// A monitoring policy as service configuration. Rules outside the policy watch no stream (a list in
/// configuration can be overridden but not shortened), so only the policy's own rules can notify.
/// <see cref="Rule"/> is the rule whose notification counts as the policy's detection.
/// </summary>
internal sealed record DetectionPolicy(string Key, string Name, string Rule, Func<BudgetCalibration, Dictionary<string, string?>> Settings)
{
    public const string WindowRule = "hallucination-rate-high";
    public const string ShiftRule = "hallucination-rate-shift";
    private const string NoStream = "__policy-off__";

    /// <summary>
    /// Shared by every policy: the defaults of appsettings.json except what a virtual clock needs. The shipped
    /// Judge:MaxConcurrency (4 per lane) stays: Flex calls lasting minutes must not hold up the boost lane.
    /// </summary>
    private static Dictionary<string, string?> Common { get; } = new()
    {
        ["Sampling:EveryN"] = "100",
        ["Judge:ServiceTier"] = "flex",
        // The rate limiters replenish on the real clock; a virtual hour passes in milliseconds.
        ["Judge:RequestsPerMinute"] = "1000000",
        // The bench calls the rollup and the evaluator every virtual minute itself.
        ["Trends:RollupInterval"] = "1.00:00:00",
        ["Alerting:EvaluationInterval"] = "1.00:00:00",
        ["Alerting:Rules:2:Streams:0"] = NoStream,
        ["Alerting:Rules:3:Streams:0"] = NoStream,
    };

    public static IReadOnlyList<DetectionPolicy> All { get; } =
    [
        new("a", "(a) uniform 1/100, 2 h window > 5%", WindowRule, _ => new(Common)
        {
            ["Sampling:Boost:Enabled"] = "false",
            ["Alerting:Rules:1:Streams:0"] = NoStream,
        }),
        new("b", "(b) uniform 1/100 + CUSUM", ShiftRule, _ => new(Common)
        {
            ["Sampling:Boost:Enabled"] = "false",
            ["Alerting:Rules:0:Streams:0"] = NoStream,
            ["Alerting:Rules:1:DeployTestShare"] = "0",
        }),
        new("c", "(c) change-aware + tier routing + CUSUM + deploy SPRT", ShiftRule, ChangeAware),
        new("d", "(d) = (c), the boost drawn 1 in 3 up to 500 (the shipped default since issue 18)", ShiftRule, budget => new(ChangeAware(budget))
        {
            // A judge that errs needs ~3x the verdicts: the same daily budget, more of it spent in the deploy's first minutes.
            ["Sampling:Boost:EveryN"] = "3",
            ["Sampling:Boost:MaxSamples"] = "500",
        }),
    ];

    private static Dictionary<string, string?> ChangeAware(BudgetCalibration budget) => new(Common)
    {
        ["Sampling:Boost:Enabled"] = "true",
        ["Sampling:Boost:EveryN"] = "10",
        ["Sampling:Boost:Duration"] = "01:00:00",
        ["Sampling:Boost:JudgeTier"] = "standard",
        // Enough for the deploy test to decide a 2% -> 8% jump; more would starve the rest of the day's routine rate.
        ["Sampling:Boost:MaxSamples"] = "250",
        // Policy (a)'s spend: 10,000/h × 24 h ÷ 100 routine Flex samples a day, boosts paid out of it.
        ["Sampling:Budget:Daily"] = (2400 * budget.FlexUsdPerSample).ToString("R", CultureInfo.InvariantCulture),
        ["Sampling:Budget:Unit"] = "Usd",
        ["Sampling:Budget:UsdPerSample"] = budget.FlexUsdPerSample.ToString("R", CultureInfo.InvariantCulture),
        ["Sampling:Budget:BoostCostRatio"] = budget.StandardOverFlex.ToString("R", CultureInfo.InvariantCulture),
        ["Alerting:Rules:0:Streams:0"] = NoStream,
        ["Alerting:Rules:1:DeployTestShare"] = "0.5",
    };
}
