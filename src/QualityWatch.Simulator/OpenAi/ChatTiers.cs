namespace QualityWatch.Simulator.OpenAi;

/// <summary>OpenAI <c>service_tier</c>: what may be asked, and the tier the response reports.</summary>
internal static class ChatTiers
{
    public const string Default = "default";
    public const string Flex = "flex";
    public const string Priority = "priority";

    /// <summary>auto and default report "default"; fast is priority; null for an unknown value.</summary>
    public static string? Served(string? requested) => requested switch
    {
        null or "auto" or "default" => Default,
        "flex" => Flex,
        "priority" or "fast" => Priority,
        "scale" => "scale",
        _ => null,
    };
}
