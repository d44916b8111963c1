namespace QualityWatch.Trends;

/// <summary>What one rollup run recomputed.</summary>
internal sealed record RollupResult(int Hours, int Days);
