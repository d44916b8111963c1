using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Judging;

/// <summary>A 200 answer built around the reply text, with the cached tokens it reported.</summary>
internal sealed record JudgeAnswer(WireReply Reply, int CachedTokens);
