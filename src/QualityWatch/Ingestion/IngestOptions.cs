namespace QualityWatch.Ingestion;

/// <summary>The ingest API: how much it takes (its keys are <see cref="Api.LegacyKeyOptions"/>). Section <c>Ingest</c>.</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body in bytes. Default 16 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most interactions in one request (array items or NDJSON lines). Default 10,000.</summary>
    public int MaxInteractionsPerRequest { get; set; } = 10_000;

    /// <summary>Longest <c>prompt</c>, <c>response</c> or <c>context</c>, in characters. Default 100,000.</summary>
    public int MaxFieldLength { get; set; } = 100_000;

    /// <summary>A re-sent id within this window counts as a duplicate. Default 24 h.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Oldest <c>timestamp</c> ingest takes, counted back from now; older history goes through the
    /// <c>backfill</c> command, which does not sample it as live traffic. Default 400 days.
    /// </summary>
    public TimeSpan MaxTimestampAge { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Requests waiting for the writer before new ones get 503. Default 1,024.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Most interactions one group commit takes. Default 20,000.</summary>
    public int MaxInteractionsPerCommit { get; set; } = 20_000;
}
