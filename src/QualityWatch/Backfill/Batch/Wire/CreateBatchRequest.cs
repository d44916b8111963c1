namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The body of <c>models/{model}:batchGenerateContent</c>.</summary>
internal sealed record CreateBatchRequest(BatchSpec Batch);
