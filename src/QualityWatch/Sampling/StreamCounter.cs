namespace QualityWatch.Sampling;

/// <summary>A stream's persisted sampling counter and budget pacing, mutated only by the single ingest writer.</summary>
internal sealed class StreamCounter(StreamDefinition stream, long counter, long sampled)
{
    public string Stream => Definition.Name;

    /// <summary>The stream as configured, for the gauges read off this counter.</summary>
    public StreamDefinition Definition { get; } = stream;

    /// <summary>Distinct interactions counted since the stream began.</summary>
    public long Counter { get; set; } = counter;

    /// <summary>Interactions sampled since the stream began.</summary>
    public long Sampled { get; set; } = sampled;

    /// <summary>Today's spend and pacing when the stream has a daily budget.</summary>
    public BudgetPace Pace { get; init; } = new();
}
