namespace QualityWatch.Sampling;

/// <summary>A sampled interaction's reason and the judge tier it asks for (null = <c>Judge:ServiceTier</c>).</summary>
internal sealed record SampleDecision(string Reason, string? JudgeTier);
