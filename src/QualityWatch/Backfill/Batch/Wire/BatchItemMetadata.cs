namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>What ties a batch item to its sample: the interaction id as key.</summary>
internal sealed record BatchItemMetadata(string? Key);
