namespace QualityWatch.Backfill.Batch.Wire;

internal sealed record UploadedFile(string? Name);
