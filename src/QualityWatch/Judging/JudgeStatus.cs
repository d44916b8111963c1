namespace QualityWatch.Judging;

/// <summary>What the judge worker is doing now, so a pending sample always has a visible reason.</summary>
public sealed class JudgeStatus
{
    private volatile string state = "starting";

    /// <summary>running, idle: no API key, paused: daily quota until …, paused: circuit open, stopped.</summary>
    public string State => state;

    public void Set(string value) => state = value;
}
