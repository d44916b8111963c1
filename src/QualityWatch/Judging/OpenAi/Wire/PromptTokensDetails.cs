namespace QualityWatch.Judging.OpenAi.Wire;

internal sealed record PromptTokensDetails(long? CachedTokens);
