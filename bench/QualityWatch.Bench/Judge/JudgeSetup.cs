namespace QualityWatch.Bench.Judge;

/// <summary>The judge throughput settings every scenario shares.</summary>
internal sealed record JudgeSetup(int RequestsPerMinute, int MaxConcurrency, string Latency, TimeSpan Warmup, TimeSpan Measure, TimeSpan RetryDelay)
{
    /// <summary>A tenth more than the configured rate can judge in warm-up plus measurement.</summary>
    public int SamplesToQueue => (int)Math.Ceiling(RequestsPerMinute * (Warmup + Measure).TotalMinutes * 1.1);
}
