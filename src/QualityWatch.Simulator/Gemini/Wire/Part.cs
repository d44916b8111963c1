namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record Part(string Text);
