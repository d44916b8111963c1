namespace QualityWatch.Judging.Queue;

/// <summary>
/// Where <see cref="JudgeStep"/> stores what a call gave: the live sample queue or backfill's work.
/// Both write only while the owner still holds the lease, so an item gets one verdict.
/// </summary>
internal interface IJudgeQueue
{
    /// <summary>Stores the verdict and closes the item in one transaction; false when the lease was lost.</summary>
    Task<bool> CompleteAsync(string owner, VerdictRecord verdict, CancellationToken cancellationToken);

    /// <summary>Gives the item back as the failure's decision says; false when the lease was lost.</summary>
    Task<bool> ReturnAsync(string owner, string interactionId, string rubricVersion, JudgeFailure failure, DateTimeOffset now, CancellationToken cancellationToken);
}
