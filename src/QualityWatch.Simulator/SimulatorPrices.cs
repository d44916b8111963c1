namespace QualityWatch.Simulator;

/// <summary>
/// The simulator's price list, gemini-2.5-flash's list prices by default: USD per 1M tokens at the
/// standard tier, and each tier's share of it (flex and batch bill half, as the real API does).
/// </summary>
public sealed class SimulatorPrices
{
    public decimal InputPerMillion { get; set; } = 0.30m;

    public decimal CachedInputPerMillion { get; set; } = 0.03m;

    /// <summary>Output and thinking tokens.</summary>
    public decimal OutputPerMillion { get; set; } = 2.50m;

    public Dictionary<string, decimal> TierShare { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["standard"] = 1m,
        ["flex"] = 0.5m,
        ["batch"] = 0.5m,
        ["priority"] = 1.8m,
    };

    public decimal Cost(string tier, int promptTokens, int cachedTokens, int outputTokens)
    {
        var list = ((promptTokens - cachedTokens) * InputPerMillion) + (cachedTokens * CachedInputPerMillion) + (outputTokens * OutputPerMillion);
        return list * TierShare.GetValueOrDefault(tier, 1m) / 1_000_000m;
    }
}
