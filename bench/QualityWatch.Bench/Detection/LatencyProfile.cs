namespace QualityWatch.Bench.Detection;

/// <summary>How long the simulated judge takes per tier, in virtual time (the simulator's distributions).</summary>
internal sealed record LatencyProfile(IReadOnlyDictionary<string, string> ByTier)
{
    /// <summary>Flex takes tens of seconds to minutes, standard a few seconds.</summary>
    public static LatencyProfile Realistic { get; } = new(new Dictionary<string, string>
    {
        ["flex"] = "lognormal 30s 3m",
        ["*"] = "lognormal 2s 6s",
    });
}
