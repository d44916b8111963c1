namespace QualityWatch.Trends;

/// <summary>What one rollup run recomputed.</summary>
public sealed record RollupResult(int Hours, int Days);
