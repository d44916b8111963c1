namespace QualityWatch.Judging;

/// <summary>Token usage as the provider reported it. <see cref="PromptTokens"/> includes <see cref="CachedTokens"/>.</summary>
internal readonly record struct JudgeUsage(long PromptTokens, long CachedTokens, long OutputTokens, long ThinkingTokens);
