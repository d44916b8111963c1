namespace QualityWatch.Hosting;

/// <summary>How long a graceful stop may take. Section <c>Shutdown</c>.</summary>
internal sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// The host's shutdown timeout (<c>HostOptions.ShutdownTimeout</c>): time for in-flight requests
    /// to finish, queued ingest to commit, judge leases to be released, the last rollup and the
    /// final WAL checkpoint. Keep systemd's <c>TimeoutStopSec</c> and the container stop grace
    /// period above it. Default 30 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long judge calls already sent may go on after SIGTERM: one that answers in time has its
    /// verdict committed (it is paid for); the rest are cancelled and their samples released,
    /// attempt refunded, for the next start or another instance. Must be shorter than
    /// <see cref="Timeout"/>, which also has to cover the rollup and the checkpoint. Default 10 s.
    /// </summary>
    public TimeSpan JudgeGrace { get; set; } = TimeSpan.FromSeconds(10);
}
