namespace QualityWatch.Judging.Queue;

/// <summary>
/// Where a queued item stands: a live sample (<c>samples.status</c>) or a sample × rubric pair of
/// backfill (<c>backfill_work.status</c>). Stored as the text <see cref="SampleStatuses"/> maps it to.
/// </summary>
internal enum SampleStatus
{
    /// <summary>Waiting for its (next) judge call, due at <c>next_attempt_at</c> when set.</summary>
    Pending,

    /// <summary>Held by a lease owner until <c>lease_expires_at</c>.</summary>
    Leased,

    /// <summary>A backfill pair sent in a Gemini Batch API job; live samples are never batched.</summary>
    Batched,

    /// <summary>Judged: its verdict is stored.</summary>
    Done,

    /// <summary>Failed for good after its attempts; <c>last_error</c> and <c>failure_kind</c> say why.</summary>
    Failed,
}
