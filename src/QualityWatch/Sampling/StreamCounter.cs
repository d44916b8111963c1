namespace QualityWatch.Sampling;

/// <summary>A stream's persisted sampling counter, mutated only by the single ingest writer.</summary>
public sealed class StreamCounter(string stream, long counter, long sampled)
{
    public string Stream { get; } = stream;

    /// <summary>Distinct interactions counted since the stream began.</summary>
    public long Counter { get; set; } = counter;

    /// <summary>Interactions sampled since the stream began.</summary>
    public long Sampled { get; set; } = sampled;
}
