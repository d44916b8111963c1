namespace QualityWatch.Judging;

/// <summary>Samples waiting for the judge in one stream and status (Dapper row).</summary>
internal sealed class QueueRow
{
    public string Stream { get; set; } = "";
    public string Status { get; set; } = "";
    public long Samples { get; set; }

    /// <summary>Unix ms: when ingest committed the oldest of them.</summary>
    public long OldestReceivedAt { get; set; }
}
