namespace QualityWatch.Simulator.OpenAi.Wire;

/// <summary>The inside of OpenAI's error body; <c>param</c> and <c>code</c> are written as null when absent.</summary>
internal sealed record OpenAiError(string Message, string Type, string? Param, string? Code);
