using System.Text.Json.Serialization;

namespace QualityWatch.Reviews;

/// <summary>A count per stratum of the draw: samples the judge called hallucinated, and the rest.</summary>
internal sealed record StratumCounts(
    [property: JsonPropertyName("judged_yes")] long JudgedYes,
    [property: JsonPropertyName("judged_no")] long JudgedNo);
