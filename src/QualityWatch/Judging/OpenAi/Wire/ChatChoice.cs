namespace QualityWatch.Judging.OpenAi.Wire;

internal sealed record ChatChoice(AssistantMessage? Message, string? FinishReason);
