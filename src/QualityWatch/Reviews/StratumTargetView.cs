using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>One stratum's labels against its target.</summary>
internal sealed record StratumTargetView(
    [property: JsonPropertyName("have")] long Have,
    [property: JsonPropertyName("want")] long Want);
