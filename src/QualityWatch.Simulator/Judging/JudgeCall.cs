using QualityWatch.Simulator.Stats;

namespace QualityWatch.Simulator.Judging;

/// <summary>A validated generate/chat request, in the terms both wire protocols share.</summary>
internal sealed record JudgeCall(
    EndpointKind Kind,
    DateTimeOffset Arrived,
    string Model,
    string? TierRequested,
    string TierServed,
    bool Flex,
    int PromptTokens,
    string? CachedContent,
    string UserText);
