namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record Content(IReadOnlyList<Part> Parts, string Role);
