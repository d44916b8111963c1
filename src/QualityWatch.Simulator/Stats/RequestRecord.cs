using QualityWatch.Simulator.Faults;

namespace QualityWatch.Simulator.Stats;

/// <summary>
/// One generateContent or chat request as the simulator answered it.
/// <see cref="StatusCode"/> 0 means it never answered (a hang the client gave up on, or shutdown).
/// </summary>
public sealed record RequestRecord(
    DateTimeOffset Timestamp,
    EndpointKind Kind,
    string Model,
    string? TierRequested,
    string? TierServed,
    int StatusCode,
    int PromptTokens,
    int CachedTokens,
    string? CachedContent,
    FaultKind Fault,
    FaultCause FaultCause);
