namespace QualityWatch.Judging.OpenAi.Wire;

/// <remarks>
/// ServiceTier: The tier that served the call; local servers send none.
/// </remarks>
internal sealed record ChatCompletion(IReadOnlyList<ChatChoice>? Choices, ChatUsage? Usage, string? ServiceTier);
