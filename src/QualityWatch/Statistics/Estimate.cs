namespace QualityWatch.Statistics;

/// <summary>A point estimate with its 95% interval.</summary>
internal readonly record struct Estimate(double Value, double Lower, double Upper);
