namespace QualityWatch.Simulator.Gemini;

/// <summary>Gemini's <c>serviceTier</c> values, in the SDK's lowercase form or the proto enum form.</summary>
internal static class ServiceTiers
{
    public const string Flex = "flex";
    public const string Standard = "standard";
    public const string Priority = "priority";

    /// <summary>Not a request tier: how batch-job requests are served and billed.</summary>
    public const string Batch = "batch";

    /// <summary>The tier a value asks for; omitted and <c>unspecified</c> mean standard; null for an invalid value.</summary>
    public static string? Normalize(string? value) =>
        value?.ToUpperInvariant() switch
        {
            null or "UNSPECIFIED" or "SERVICE_TIER_UNSPECIFIED" or "STANDARD" or "SERVICE_TIER_STANDARD" => Standard,
            "FLEX" or "SERVICE_TIER_FLEX" => Flex,
            "PRIORITY" or "SERVICE_TIER_PRIORITY" => Priority,
            _ => null,
        };
}
