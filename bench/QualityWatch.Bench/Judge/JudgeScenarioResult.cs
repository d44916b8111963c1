namespace QualityWatch.Bench.Judge;

/// <summary>What one judge throughput run measured at the simulator and found in the database after draining.</summary>
internal sealed record JudgeScenarioResult(
    JudgeScenario Scenario,
    TimeSpan Window,
    long Requests,
    long Answered200,
    long Answered429,
    long AnsweredOther,
    IReadOnlyList<int> PerMinute,
    int BusiestMinute,
    long CacheRequests,
    long PendingAtWindowEnd,
    long Queued,
    long Samples,
    long Done,
    long Failed,
    long StillQueued,
    long Verdicts,
    long SamplesWithSeveralVerdicts,
    int MaxVerdictsForOneText,
    IReadOnlyList<string> FailureReasons,
    double LoadBefore)
{
    public double RequestsPerMinute => Requests / Window.TotalMinutes;

    public double AnswersPerMinute => Answered200 / Window.TotalMinutes;

    public double TooManyPerMinute => Answered429 / Window.TotalMinutes;

    /// <summary>Samples queued that ended neither with a verdict nor still waiting: failed for good, or never stored.</summary>
    public long Lost => Queued - Done - StillQueued;
}
