namespace QualityWatch.Alerting;

/// <summary>The latest moment an interaction of a stream is known to have arrived (Dapper row).</summary>
internal sealed class StreamLastSeen
{
    public string Stream { get; set; } = "";

    /// <summary>Unix ms.</summary>
    public long LastSeenAt { get; set; }
}
