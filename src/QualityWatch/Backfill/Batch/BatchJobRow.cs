namespace QualityWatch.Backfill.Batch;

/// <summary>One <c>batch_jobs</c> row as the batch judge works with it.</summary>
internal sealed record BatchJobRow(long Id, string DisplayName, string Rubric, string State, string? RemoteName, long Polls);
