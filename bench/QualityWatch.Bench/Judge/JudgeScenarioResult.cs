namespace QualityWatch.Bench.Judge;

/// <summary>
/// What one judge throughput run measured at the simulator (per minute: the mean over every 60 s
/// window inside the measurement period) and found in the database after draining.
/// </summary>
internal sealed record JudgeScenarioResult(
    JudgeScenario Scenario,
    double RequestsPerMinute,
    int FewestInAMinute,
    int MostInAMinute,
    double AnswersPerMinute,
    double TooManyPerMinute,
    long OtherAnswers,
    int IdleSeconds,
    int BusiestMinuteOfRun,
    long CacheRequests,
    long PendingAtWindowEnd,
    long Queued,
    long Done,
    long Failed,
    long StillQueued,
    long Verdicts,
    long SamplesWithSeveralVerdicts,
    int MaxVerdictsForOneText,
    IReadOnlyList<string> FailureReasons,
    double LoadBefore)
{
    /// <summary>Samples queued that ended neither with a verdict nor still waiting: failed for good, or never stored.</summary>
    public long Lost => Queued - Done - StillQueued;
}
