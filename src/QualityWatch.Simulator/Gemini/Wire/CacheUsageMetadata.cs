namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record CacheUsageMetadata(int TotalTokenCount);
