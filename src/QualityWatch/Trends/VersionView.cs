namespace QualityWatch.Trends;

/// <summary>One prompt_version x model of a stream in <c>GET /v1/versions</c>, all time.</summary>
internal sealed record VersionView(
    string Stream,
    string PromptVersion,
    string Model,
    long Interactions,
    long Sampled,
    long Judged,
    long Hallucinations,
    double? HallucinationRate,
    double HallucinationRateLower,
    double HallucinationRateUpper,
    double? AccuracyMean,
    double? ToneMean,
    double CostUsd,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen)
{
    public static VersionView From(TrendBucket b)
    {
        var interval = b.HallucinationInterval;
        return new VersionView(
            b.Stream,
            b.PromptVersion,
            b.Model,
            b.Interactions,
            b.Sampled,
            b.Judged,
            b.Hallucinations,
            b.HallucinationRate,
            interval.Lower,
            interval.Upper,
            b.AccuracyMean,
            b.ToneMean,
            Math.Round(b.CostUsd, 6),
            b.FirstSeen is { } first ? DateTimeOffset.FromUnixTimeMilliseconds(first) : null,
            b.LastSeen is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
    }
}
