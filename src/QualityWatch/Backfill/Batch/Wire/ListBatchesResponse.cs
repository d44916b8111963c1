namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>A page of <c>GET batches</c>; both fields are omitted when empty.</summary>
internal sealed record ListBatchesResponse(IReadOnlyList<BatchOperation>? Operations, string? NextPageToken);
