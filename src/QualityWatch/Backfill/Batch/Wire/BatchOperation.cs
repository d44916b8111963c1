namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>
/// A batch job as create, get and list return it (a long-running Operation). The docs read results from
/// <see cref="Response"/>, the SDK from <c>metadata.output</c>: both are read.
/// </summary>
internal sealed record BatchOperation(string? Name, BatchMetadata? Metadata, bool? Done, BatchOutput? Response);
