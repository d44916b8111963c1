namespace QualityWatch.Judging;

/// <summary>Standard-tier USD per 1M tokens for one judge model; other tiers apply <see cref="TierMultipliers"/>.</summary>
internal sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }

    public decimal CachedInputPerMillion { get; set; }

    /// <summary>Output and thinking tokens.</summary>
    public decimal OutputPerMillion { get; set; }

    /// <summary>Multiplier of the standard price per tier. Default flex 0.5, batch 0.5, standard 1, priority 1.8.</summary>
    public Dictionary<string, decimal> TierMultipliers { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [JudgeTiers.Flex] = 0.5m,
        ["batch"] = 0.5m,
        [JudgeTiers.Standard] = 1m,
        [JudgeTiers.Priority] = 1.8m,
    };

    public static Dictionary<string, ModelPrice> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["gemini-2.5-flash"] = new() { InputPerMillion = 0.30m, CachedInputPerMillion = 0.03m, OutputPerMillion = 2.50m },
        // Assumed, not from a price page this build has seen (the team's reference notes have none): Gemini 3 Flash's list
        // prices, cached input at the 90 % implicit-cache discount. Override with Judge:Prices:gemini-3.5-flash.
        ["gemini-3.5-flash"] = new() { InputPerMillion = 0.50m, CachedInputPerMillion = 0.05m, OutputPerMillion = 3.00m },
        ["gemini-2.5-pro"] = new() { InputPerMillion = 1.25m, CachedInputPerMillion = 0.125m, OutputPerMillion = 10m },
        ["gpt-5-mini"] = new() { InputPerMillion = 0.25m, CachedInputPerMillion = 0.025m, OutputPerMillion = 2m },
    };
}
