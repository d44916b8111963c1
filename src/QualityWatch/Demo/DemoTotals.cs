namespace QualityWatch.Demo;

/// <summary>The service's counts over the demo, and the hallucination rate of the last 2 simulated hours.</summary>
internal sealed record DemoTotals(long Interactions, long Sampled, long Judged, long Failed, double? RecentRate);
