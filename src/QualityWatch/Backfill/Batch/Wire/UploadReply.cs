namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>What the finished upload returns: the file, whose name the job's input names.</summary>
internal sealed record UploadReply(UploadedFile? File);
