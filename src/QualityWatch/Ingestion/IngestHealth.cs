namespace QualityWatch.Ingestion;

/// <summary>
/// How the ingest writer's commits are going: readiness follows what commits really do, not what a
/// check hopes. A failed commit makes ingest unready until a commit, or a probe write the size of
/// the failed one, succeeds again.
/// </summary>
internal sealed class IngestHealth(TimeProvider time)
{
    // The writer and the readiness check both write the state: a probe must not clear a newer failure.
    private readonly Lock gate = new();
    private volatile IngestCommitState state = IngestCommitState.None;

    public IngestCommitState Current => state;

    public void Committed()
    {
        lock (gate)
        {
            state = state with { LastCommitAt = time.GetUtcNow(), FailedAt = null, Failure = null, FailedBytes = 0 };
        }
    }

    /// <summary>A group commit failed; <paramref name="bytes"/> is about what it tried to write.</summary>
    public void Failed(Exception error, long bytes)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (gate)
        {
            state = state with { FailedAt = time.GetUtcNow(), Failure = error.Message, FailedBytes = bytes };
        }
    }

    /// <summary>A probe of the failed commit's size committed; clears only the failure it was sized for.</summary>
    public void Recovered(IngestCommitState failing)
    {
        ArgumentNullException.ThrowIfNull(failing);
        lock (gate)
        {
            if (state.FailedAt == failing.FailedAt)
            {
                state = state with { FailedAt = null, Failure = null, FailedBytes = 0, RecoveredAt = time.GetUtcNow() };
            }
        }
    }
}
