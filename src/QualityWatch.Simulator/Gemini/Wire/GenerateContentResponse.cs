namespace QualityWatch.Simulator.Gemini.Wire;

internal sealed record GenerateContentResponse(
    IReadOnlyList<Candidate> Candidates,
    UsageMetadata UsageMetadata,
    string ModelVersion,
    string ResponseId);
