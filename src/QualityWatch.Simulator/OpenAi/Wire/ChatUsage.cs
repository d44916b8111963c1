namespace QualityWatch.Simulator.OpenAi.Wire;

/// <summary>Usage as OpenAI reports it: completion tokens include reasoning tokens; cached tokens are part of prompt tokens.</summary>
internal sealed record ChatUsage(
    int PromptTokens,
    int CompletionTokens,
    int TotalTokens,
    PromptTokensDetails PromptTokensDetails,
    CompletionTokensDetails CompletionTokensDetails);
