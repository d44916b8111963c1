namespace QualityWatch.Judging.Gemini.Wire;

internal sealed record PromptFeedback(string? BlockReason);
