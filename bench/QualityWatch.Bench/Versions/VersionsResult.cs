namespace QualityWatch.Bench.Versions;

/// <summary>One scenario: the load of distinct versions, then a restart and its first ingest.</summary>
internal sealed record VersionsResult(
    string Scenario,
    int Interactions,
    double LoadSeconds,
    long LoadErrors,
    long IdleRssBytes,
    long LoadPeakRssBytes,
    long TrackedRows,
    long RestartIdleRssBytes,
    double FirstIngestMs,
    bool FirstIngestOk,
    long RestartPeakRssBytes);
