namespace QualityWatch.Trends;

/// <summary>How trends are rolled up.</summary>
internal sealed class TrendsOptions
{
    public const string SectionName = "Trends";

    /// <summary>
    /// IANA time zone that cuts days for daily rollups and the daily report, e.g.
    /// <c>America/New_York</c>. Default <c>UTC</c>. Changing it recomputes every daily row.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often the rollup job folds new samples and verdicts in. Default 1 minute.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(1);
}
