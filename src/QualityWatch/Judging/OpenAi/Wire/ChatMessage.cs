namespace QualityWatch.Judging.OpenAi.Wire;

/// <remarks>
/// Role: <c>system</c> (the rubric, always the identical first message) or <c>user</c>.
/// </remarks>
internal sealed record ChatMessage(string Role, string Content);
