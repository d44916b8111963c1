namespace QualityWatch.Judging.OpenAi.Wire;

/// <summary>A <c>chat/completions</c> body.</summary>
/// <remarks>
/// ServiceTier: <c>default</c>, <c>flex</c> or <c>priority</c>.
/// </remarks>
internal sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, double Temperature, ResponseFormat ResponseFormat, string ServiceTier);
