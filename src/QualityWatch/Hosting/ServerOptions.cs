namespace QualityWatch.Hosting;

/// <summary>What Kestrel takes on at once, whatever the route. Section <c>Server</c>.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>
    /// Open connections accepted at once (Kestrel's <c>MaxConcurrentConnections</c>); one more is
    /// accepted and closed at once, so a flood of idle connections cannot use up the process's file
    /// descriptors, which SQLite and the judge client need too. Keep it well below <c>ulimit -n</c>
    /// (systemd's <c>LimitNOFILE</c>). Default 4,096.
    /// </summary>
    public int MaxConcurrentConnections { get; set; } = 4096;

    /// <summary>
    /// Largest request body in bytes on every route without its own limit (the GET APIs, health,
    /// metrics); ingest takes <c>Ingest:MaxBodyBytes</c> and the batch webhook
    /// <c>Batch:Webhook:MaxBodyBytes</c>. Default 64 KiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
