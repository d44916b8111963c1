namespace QualityWatch.Telemetry;

/// <summary>The Prometheus <c>/metrics</c> endpoint and the limits on label values. Section <c>Metrics</c>.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve OpenTelemetry metrics in the Prometheus text format. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Path of the scrape endpoint. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// A separate TCP port for the scrape endpoint, on the same host(s) as the main listen URLs; the
    /// endpoint is then served only there and that port serves nothing else. Default null: the main port.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>Require <c>Authorization: Bearer</c> with a key that has the <c>read</c> role (any <c>Ingest:ApiKeys</c> key has it) to scrape. Default false.</summary>
    public bool RequireApiKey { get; set; }

    /// <summary>Distinct <c>stream</c> label values; later streams are counted under <c>other</c>. Default 50.</summary>
    public int MaxStreams { get; set; } = 50;

    /// <summary>Distinct <c>prompt_version</c> label values per stream; later versions are counted under <c>other</c>. Default 20.</summary>
    public int MaxPromptVersionsPerStream { get; set; } = 20;

    /// <summary>
    /// How old the database-backed gauges (queue depth, hallucination rate, alert states) may be when
    /// scraped; they are re-read on the first scrape after this. 0 = on every scrape. Default 5 seconds.
    /// </summary>
    public TimeSpan StateRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
