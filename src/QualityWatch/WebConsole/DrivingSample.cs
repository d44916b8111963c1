namespace QualityWatch.WebConsole;

/// <summary>A verdict inside an alert's window: one of the samples that drove it.</summary>
internal sealed record DrivingSample(string InteractionId, string? PromptVersion, string? Model, DateTimeOffset JudgedAt, bool Hallucination, int Accuracy, int Tone, string Reason);
