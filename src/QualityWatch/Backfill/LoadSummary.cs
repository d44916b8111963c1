namespace QualityWatch.Backfill;

/// <summary>What reading the logs did, line by line.</summary>
internal sealed class LoadSummary
{
    public int Files { get; set; }

    /// <summary>Non-blank lines read.</summary>
    public long Lines { get; set; }

    /// <summary>Lines skipped as unreadable or invalid (each reported with file:line).</summary>
    public long Bad { get; set; }

    /// <summary>Valid interactions outside --stream / --from / --to.</summary>
    public long OutOfScope { get; set; }

    public long Sampled { get; set; }

    /// <summary>Samples new to the store (the rest were stored by an earlier run or by ingest).</summary>
    public long Stored { get; set; }

    /// <summary>Samples newly queued for the rubric.</summary>
    public long Queued { get; set; }
}
