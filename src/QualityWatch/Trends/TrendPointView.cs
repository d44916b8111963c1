using QualityWatch.Calibration;

namespace QualityWatch.Trends;

/// <summary>
/// One bucket of <c>GET /v1/trends</c>. <see cref="HallucinationRateCorrected"/> is the judged rate corrected for judge
/// error with the stream's current calibration, or null with <see cref="HallucinationRateCorrectedReason"/>.
/// </summary>
internal sealed record TrendPointView(
    DateTimeOffset Start,
    DateTimeOffset End,
    string Stream,
    string PromptVersion,
    string Model,
    long Interactions,
    long Sampled,
    long Judged,
    long Failed,
    long Hallucinations,
    double? HallucinationRate,
    double HallucinationRateLower,
    double HallucinationRateUpper,
    double? AccuracyMean,
    IReadOnlyList<long> AccuracyCounts,
    double? ToneMean,
    IReadOnlyList<long> ToneCounts,
    long PromptTokens,
    long CachedTokens,
    long OutputTokens,
    long ThinkingTokens,
    double CostUsd,
    EstimateView? HallucinationRateCorrected,
    string? HallucinationRateCorrectedReason)
{
    public static TrendPointView From(TrendBucket b, CorrectedRateView corrected)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(corrected);
        var interval = b.HallucinationInterval;
        return new TrendPointView(
            DateTimeOffset.FromUnixTimeMilliseconds(b.BucketStart),
            DateTimeOffset.FromUnixTimeMilliseconds(b.BucketEnd),
            b.Stream,
            b.PromptVersion,
            b.Model,
            b.Interactions,
            b.Sampled,
            b.Judged,
            b.Failed,
            b.Hallucinations,
            b.HallucinationRate,
            interval.Lower,
            interval.Upper,
            b.AccuracyMean,
            b.AccuracyCounts,
            b.ToneMean,
            b.ToneCounts,
            b.PromptTokens,
            b.CachedTokens,
            b.OutputTokens,
            b.ThinkingTokens,
            Math.Round(b.CostUsd, 6),
            corrected.Rate,
            corrected.Rate is null ? corrected.Reason : null);
    }
}
