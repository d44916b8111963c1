namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The job itself; its state carries a <c>BATCH_STATE_</c> or <c>JOB_STATE_</c> prefix.</summary>
internal sealed record BatchMetadata(string? DisplayName, string? State, BatchOutput? Output);
