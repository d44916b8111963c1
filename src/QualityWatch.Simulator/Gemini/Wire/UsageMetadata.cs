namespace QualityWatch.Simulator.Gemini.Wire;

/// <summary>
/// Token usage as the Gemini API reports it: prompt includes cached tokens; total is
/// prompt + candidates + thoughts. Zero-valued optional counts are omitted, as proto3 JSON does.
/// </summary>
internal sealed record UsageMetadata(
    int PromptTokenCount,
    int CandidatesTokenCount,
    int TotalTokenCount,
    int? CachedContentTokenCount,
    int? ThoughtsTokenCount,
    IReadOnlyList<ModalityTokenCount> PromptTokensDetails,
    IReadOnlyList<ModalityTokenCount>? CacheTokensDetails);
