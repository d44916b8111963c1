using QualityWatch.Statistics;
namespace QualityWatch.Trends;

/// <summary>
/// One rollup bucket: stream x prompt_version x model over [BucketStart, BucketEnd) (Unix ms),
/// or a sum of several (the caller sets the key). Rates and means are derived, never stored.
/// </summary>
internal sealed class TrendBucket
{
    public long BucketStart { get; set; }
    public long BucketEnd { get; set; }
    public string Stream { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string Model { get; set; } = "";

    /// <summary>Every interaction counted (from volume_hourly), sampled or not.</summary>
    public long Interactions { get; set; }
    public long Sampled { get; set; }
    public long Judged { get; set; }
    public long Failed { get; set; }
    public long Hallucinations { get; set; }
    public long Accuracy1 { get; set; }
    public long Accuracy2 { get; set; }
    public long Accuracy3 { get; set; }
    public long Accuracy4 { get; set; }
    public long Accuracy5 { get; set; }
    public long Tone1 { get; set; }
    public long Tone2 { get; set; }
    public long Tone3 { get; set; }
    public long Tone4 { get; set; }
    public long Tone5 { get; set; }
    public long PromptTokens { get; set; }
    public long CachedTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ThinkingTokens { get; set; }
    public double CostUsd { get; set; }

    /// <summary>Earliest / latest occurred_at (Unix ms) of a sample in the bucket; null when none.</summary>
    public long? FirstSeen { get; set; }
    public long? LastSeen { get; set; }

    public long[] AccuracyCounts => [Accuracy1, Accuracy2, Accuracy3, Accuracy4, Accuracy5];

    public long[] ToneCounts => [Tone1, Tone2, Tone3, Tone4, Tone5];

    /// <summary>Hallucinations / judged; null when nothing was judged.</summary>
    public double? HallucinationRate => Judged == 0 ? null : (double)Hallucinations / Judged;

    public WilsonInterval HallucinationInterval => WilsonInterval.For(Hallucinations, Judged);

    public double? AccuracyMean => Mean(AccuracyCounts);

    public double? ToneMean => Mean(ToneCounts);

    /// <summary>Adds another bucket's counts to this one (the key stays as it is).</summary>
    public TrendBucket Add(TrendBucket other)
    {
        Interactions += other.Interactions;
        Sampled += other.Sampled;
        Judged += other.Judged;
        Failed += other.Failed;
        Hallucinations += other.Hallucinations;
        Accuracy1 += other.Accuracy1;
        Accuracy2 += other.Accuracy2;
        Accuracy3 += other.Accuracy3;
        Accuracy4 += other.Accuracy4;
        Accuracy5 += other.Accuracy5;
        Tone1 += other.Tone1;
        Tone2 += other.Tone2;
        Tone3 += other.Tone3;
        Tone4 += other.Tone4;
        Tone5 += other.Tone5;
        PromptTokens += other.PromptTokens;
        CachedTokens += other.CachedTokens;
        OutputTokens += other.OutputTokens;
        ThinkingTokens += other.ThinkingTokens;
        CostUsd += other.CostUsd;
        FirstSeen = Min(FirstSeen, other.FirstSeen);
        LastSeen = Max(LastSeen, other.LastSeen);
        return this;
    }

    private static double? Mean(long[] counts)
    {
        var total = counts.Sum();
        return total == 0 ? null : (double)counts.Select((c, i) => c * (i + 1)).Sum() / total;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
