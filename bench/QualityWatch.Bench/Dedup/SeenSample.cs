namespace QualityWatch.Bench.Dedup;

/// <summary>One count during a <c>dedup-window</c> run: ids stored in the dedup record, and interactions accepted so far.</summary>
internal sealed record SeenSample(TimeSpan At, long Stored, long Received);
