namespace QualityWatch.Simulator.OpenAi.Wire;

internal sealed record ChatChoice(int Index, AssistantMessage Message, string? Logprobs, string FinishReason);
