namespace QualityWatch.Backfill.Batch;

/// <summary>Gemini Batch API judging. Section <c>Batch</c>.</summary>
internal sealed class BatchOptions
{
    public const string SectionName = "Batch";

    /// <summary>Samples per batch job. Default 10000.</summary>
    public int MaxRequestsPerJob { get; set; } = 10_000;

    /// <summary>Inline request bytes per job; above it the requests are uploaded as a JSONL file. Default 20 MB, the API's limit.</summary>
    public int MaxInlineBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>First wait between polls of a running job, doubled per poll up to <see cref="MaxPollInterval"/>. Default 30 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between polls. Default 10 min.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sample attempts (failed result lines) before a sample is marked failed. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How long a poller (the service's collector or a backfill command) holds a job while it polls and
    /// stores results; another may take the job over after it. Default 10 min.
    /// </summary>
    public TimeSpan CollectLease { get; set; } = TimeSpan.FromMinutes(10);
}
