namespace QualityWatch.Judging.Gemini.Wire;

/// <remarks>
/// Thought: True on a thinking part, which is not the answer; never sent.
/// </remarks>
internal sealed record Part(string? Text, bool? Thought = null);
