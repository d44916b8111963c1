namespace QualityWatch.Judging.Gemini.Wire;

internal sealed record Candidate(Content? Content, string? FinishReason);
