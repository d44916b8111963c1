namespace QualityWatch.Storage;

/// <summary>One table of the dedup record: every id in it was seen before <paramref name="EndsAt"/> (Unix ms).</summary>
internal sealed record SeenBucket(string TableName, long StartsAt, long EndsAt)
{
    public string Quoted => SeenBuckets.Quote(TableName);
}
