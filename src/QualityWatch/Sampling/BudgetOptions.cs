namespace QualityWatch.Sampling;

/// <summary>
/// A daily judge budget: the routine rate is paced so the UTC day's spend, boosts included, lands on
/// <see cref="Daily"/>. <c>Sampling:Budget</c>, or per stream <c>Sampling:Streams:N:Budget</c>.
/// </summary>
internal sealed class BudgetOptions
{
    /// <summary>Spend allowed per UTC day in <see cref="Unit"/>; 0 (default) = no budget, the stream samples 1 in EveryN.</summary>
    public double Daily { get; set; }

    /// <summary><c>Samples</c> (default), <c>Tokens</c> or <c>Usd</c>.</summary>
    public BudgetUnit Unit { get; set; } = BudgetUnit.Samples;

    /// <summary>Tokens unit: estimated judge tokens (prompt + output) of one sample. Default 3000.</summary>
    public double TokensPerSample { get; set; } = 3000;

    /// <summary>Usd unit: estimated cost of one routine (Flex) sample. Default 0.0005.</summary>
    public double UsdPerSample { get; set; } = 0.0005;

    /// <summary>Usd unit: a boost sample's cost over a routine one (standard ÷ flex price). Default 2.</summary>
    public double BoostCostRatio { get; set; } = 2;

    public bool Enabled => Daily > 0;

    /// <summary>What one sample costs in <see cref="Unit"/>.</summary>
    public double CostOf(bool boost) => Unit switch
    {
        BudgetUnit.Tokens => TokensPerSample,
        BudgetUnit.Usd => UsdPerSample * (boost ? BoostCostRatio : 1),
        _ => 1,
    };
}
