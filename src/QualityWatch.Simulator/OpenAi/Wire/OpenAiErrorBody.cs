namespace QualityWatch.Simulator.OpenAi.Wire;

internal sealed record OpenAiErrorBody(OpenAiError Error);
