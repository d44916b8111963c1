using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>
/// One item's result, inline (keyed by <see cref="Metadata"/>) or a line of the output file (keyed by
/// <see cref="Key"/>): a response, or the error that took its place.
/// </summary>
internal sealed record BatchResult(BatchItemMetadata? Metadata, string? Key, GenerateContentResponse? Response, BatchItemError? Error);
