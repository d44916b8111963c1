namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record Candidate(Content Content, string FinishReason, int Index);
