namespace QualityWatch.Hosting;

/// <summary>How long a graceful stop may take. Section <c>Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// The host's shutdown timeout (<c>HostOptions.ShutdownTimeout</c>): time for in-flight requests
    /// to finish, queued ingest to commit, judge leases to be released, the last rollup and the
    /// final WAL checkpoint. Keep systemd's <c>TimeoutStopSec</c> and the container stop grace
    /// period above it. Default 30 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
