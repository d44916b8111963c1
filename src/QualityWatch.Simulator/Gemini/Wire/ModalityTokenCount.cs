namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record ModalityTokenCount(string Modality, int TokenCount);
