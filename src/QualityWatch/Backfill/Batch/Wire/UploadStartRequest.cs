namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The body that starts a resumable Files upload.</summary>
internal sealed record UploadStartRequest(UploadFile File);
