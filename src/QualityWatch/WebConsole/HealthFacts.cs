namespace QualityWatch.WebConsole;

/// <summary>What the service is doing now, as <c>/health</c> shows it beside the component checks.</summary>
internal sealed record HealthFacts(
    long ReceivedLastHour,
    long SampledLastHour,
    IReadOnlyList<(string Stream, string Status, long Samples)> Queue,
    IReadOnlyList<(string Name, string Model, string RubricVersion, long ExpireAt)> RubricCaches,
    IReadOnlyList<(string Channel, string Status, long Deliveries, long? NextAttemptAt)> Lanes);
