namespace QualityWatch.Judging.OpenAi.Wire;

/// <summary>
/// Usage as OpenAI reports it: prompt includes cached, completion includes reasoning. Local servers
/// (Ollama, LM Studio) send only the totals, so every field may be missing.
/// </summary>
internal sealed record ChatUsage(long? PromptTokens, long? CompletionTokens, PromptTokensDetails? PromptTokensDetails, CompletionTokensDetails? CompletionTokensDetails);
