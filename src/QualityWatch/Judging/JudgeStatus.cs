namespace QualityWatch.Judging;

/// <summary>What the judge worker is doing now, so a pending sample always has a visible reason.</summary>
internal sealed class JudgeStatus
{
    private readonly Lock contactLock = new();
    private volatile string state = "starting";
    private volatile JudgeContact contact = JudgeContact.None;

    /// <summary>running, idle: no API key, paused: daily quota until …, paused: circuit open, stopped.</summary>
    public string State => state;

    /// <summary>The last verdict and the last failed call: readiness asks whether the judge is reachable.</summary>
    public JudgeContact Contact => contact;

    public void Set(string value) => state = value;

    /// <summary>Records how one judge call ended.</summary>
    public void Record(JudgeOutcome outcome, DateTimeOffset at)
    {
        // Calls end concurrently; the lock keeps one call's verdict time from erasing another's failure.
        lock (contactLock)
        {
            contact = outcome.Verdict is not null
                ? contact with { LastVerdictAt = at }
                : contact with { LastFailureAt = at, LastFailureKind = outcome.Failure ?? JudgeFailureKind.Transient, LastFailure = outcome.Error };
        }
    }
}
