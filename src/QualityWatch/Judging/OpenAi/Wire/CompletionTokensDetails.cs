namespace QualityWatch.Judging.OpenAi.Wire;

internal sealed record CompletionTokensDetails(long? ReasoningTokens);
