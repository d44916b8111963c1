namespace QualityWatch.Bench.Cost;

/// <summary>
/// One cost run's totals: tokens from the usage the simulator reported (as the service stored it per
/// verdict), USD as the simulator billed it and as the service estimated it, and what the same tokens
/// would have cost with nothing cached.
/// </summary>
internal sealed record CostResult(
    CostCombination Combination,
    long Verdicts,
    long Answers,
    long PromptTokens,
    long CachedTokens,
    long OutputTokens,
    decimal BilledUsd,
    decimal EstimatedUsd,
    decimal UncachedUsd,
    long CacheCalls)
{
    public double Per1000(long value) => Verdicts == 0 ? 0 : value * 1000.0 / Verdicts;

    public decimal Per1000(decimal value) => Verdicts == 0 ? 0 : value * 1000m / Verdicts;
}
