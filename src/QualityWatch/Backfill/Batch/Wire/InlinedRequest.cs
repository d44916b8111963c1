using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>One inline request; its metadata comes back beside its response.</summary>
internal sealed record InlinedRequest(GenerateContentRequest Request, BatchItemMetadata Metadata);
