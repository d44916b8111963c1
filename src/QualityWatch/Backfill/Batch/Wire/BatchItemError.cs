namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>A google.rpc.Status in place of an item's response; its canonical status is kept with the failure.</summary>
internal sealed record BatchItemError(string? Status);
