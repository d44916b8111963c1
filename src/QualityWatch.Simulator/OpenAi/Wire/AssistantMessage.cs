namespace QualityWatch.Simulator.OpenAi.Wire;

internal sealed record AssistantMessage(string Role, string Content, string? Refusal, IReadOnlyList<string> Annotations);
