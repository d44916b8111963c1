namespace QualityWatch.Bench.Cost;

/// <summary>One cost run's settings: the explicit rubric cache (Judge:Cache:Enabled) and the tier asked for (Judge:ServiceTier).</summary>
internal sealed record CostCombination(bool CacheEnabled, string Tier)
{
    public string Name => $"cache {(CacheEnabled ? "on" : "off")}, {Tier}";
}
