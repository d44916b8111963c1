namespace QualityWatch.Alerting;

/// <summary>A stream's waiting live samples and when the oldest of them was received (Dapper row).</summary>
internal sealed class StreamBacklog
{
    public string Stream { get; set; } = "";
    public long Waiting { get; set; }

    /// <summary>Unix ms; null when nothing waits.</summary>
    public long? OldestReceivedAt { get; set; }

    /// <summary>Samples not counted towards the age: in a judge call (leased) or boost samples waiting in their lane.</summary>
    public long Excused { get; set; }
}
