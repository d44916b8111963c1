namespace QualityWatch.Judging.OpenAi.Wire;

/// <remarks>
/// Refusal: Set instead of an answer when the model declines.
/// </remarks>
internal sealed record AssistantMessage(string? Content, string? Refusal);
