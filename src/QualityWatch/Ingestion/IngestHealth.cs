namespace QualityWatch.Ingestion;

/// <summary>
/// How the ingest writer's commits are going: readiness follows what commits really do, not what a
/// check hopes. A failed commit makes ingest unready until a commit, or a probe write the size of
/// the failed one, succeeds again.
/// </summary>
public sealed class IngestHealth(TimeProvider time)
{
    private volatile IngestCommitState state = IngestCommitState.None;

    public IngestCommitState Current => state;

    public void Committed() => state = state with { LastCommitAt = time.GetUtcNow(), FailedAt = null, Failure = null, FailedBytes = 0 };

    /// <summary>A group commit failed; <paramref name="bytes"/> is about what it tried to write.</summary>
    public void Failed(Exception error, long bytes)
    {
        ArgumentNullException.ThrowIfNull(error);
        state = state with { FailedAt = time.GetUtcNow(), Failure = error.Message, FailedBytes = bytes };
    }

    /// <summary>A probe of the failed commit's size committed; only clears the failure it was sized for.</summary>
    public void Recovered(IngestCommitState failing)
    {
        var current = state;
        if (current.FailedAt == failing.FailedAt)
        {
            state = current with { FailedAt = null, Failure = null, FailedBytes = 0, RecoveredAt = time.GetUtcNow() };
        }
    }
}
