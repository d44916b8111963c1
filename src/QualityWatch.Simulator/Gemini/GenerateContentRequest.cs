namespace QualityWatch.Simulator.Gemini;

/// <summary>What the simulator needs from a generateContent body, once validated.</summary>
internal sealed record GenerateContentRequest(
    IReadOnlyList<string> SystemTexts,
    IReadOnlyList<string> ContentTexts,
    string UserText,
    string LeadingText,
    string? CachedContent,
    string? TierRequested,
    string Tier,
    int? ThinkingBudget,
    bool Thinking);
