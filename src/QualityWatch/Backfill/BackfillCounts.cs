namespace QualityWatch.Backfill;

/// <summary>The backfill queue of one rubric version, by status, and what it has cost so far.</summary>
internal sealed record BackfillCounts(long Pending, long Leased, long Batched, long Done, long Failed, double SpentUsd)
{
    /// <summary>Pairs still waiting for a verdict.</summary>
    public long Open => Pending + Leased + Batched;
}
