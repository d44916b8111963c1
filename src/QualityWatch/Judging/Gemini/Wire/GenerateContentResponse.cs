namespace QualityWatch.Judging.Gemini.Wire;

/// <remarks>
/// PromptFeedback: Only when the prompt was blocked, and then without candidates.
/// </remarks>
internal sealed record GenerateContentResponse(IReadOnlyList<Candidate>? Candidates, PromptFeedback? PromptFeedback, UsageMetadata? UsageMetadata);
