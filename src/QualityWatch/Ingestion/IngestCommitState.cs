namespace QualityWatch.Ingestion;

/// <summary>The ingest writer's last successful commit, and the failure since then, if any.</summary>
internal sealed record IngestCommitState(DateTimeOffset? LastCommitAt, DateTimeOffset? FailedAt, string? Failure, long FailedBytes, DateTimeOffset? RecoveredAt)
{
    public static IngestCommitState None { get; } = new(null, null, null, 0, null);

    public bool Failing => FailedAt is not null;
}
