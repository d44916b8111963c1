using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>One hour around a change: the stream's totals, and the new prompt_version's or model's share of them.</summary>
internal sealed record ChangeHour(DateTimeOffset Start, TrendBucket All, TrendBucket Changed);
