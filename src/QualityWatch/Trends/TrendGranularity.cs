namespace QualityWatch.Trends;

/// <summary>The two rollup granularities, as stored in <c>trend_rollups.granularity</c>.</summary>
internal static class TrendGranularity
{
    /// <summary>A UTC hour.</summary>
    public const string Hour = "hour";

    /// <summary>A local day in <c>Trends:TimeZone</c>.</summary>
    public const string Day = "day";
}
