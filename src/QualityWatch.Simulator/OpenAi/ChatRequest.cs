namespace QualityWatch.Simulator.OpenAi;

/// <summary>What the simulator needs from a chat completions body, once validated.</summary>
internal sealed record ChatRequest(
    string Model,
    IReadOnlyList<string> Texts,
    string UserText,
    string PromptText,
    string? TierRequested,
    string Tier,
    bool Reasoning);
