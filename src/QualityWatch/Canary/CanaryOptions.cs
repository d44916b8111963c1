namespace QualityWatch.Canary;

/// <summary>The judge-drift canary: a reference set with known answers re-judged on a schedule. Section <c>Canary</c>.</summary>
internal sealed class CanaryOptions
{
    public const string SectionName = "Canary";

    /// <summary>Whether the scheduled run happens at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression (seconds first) in UTC for the run. Default <c>0 30 3 * * ?</c>: daily at 03:30 UTC.</summary>
    public string Schedule { get; set; } = "0 30 3 * * ?";

    /// <summary>
    /// The judge tier the canary asks for: <c>flex</c> (default) or <c>standard</c>. The canary is not in a hurry:
    /// a Flex answer minutes late is still an answer for today.
    /// </summary>
    public string ServiceTier { get; set; } = "flex";

    /// <summary>
    /// The shipped reference set the canary judges: <c>v2</c> (default; 1,500 items, 300 hallucinated) or <c>v1</c> (500
    /// items, 100 hallucinated). Runs on different sets are never compared, so a change starts a new baseline.
    /// </summary>
    public string ReferenceSet { get; set; } = Canary.ReferenceSet.DefaultVersion;

    /// <summary>The most reviewed samples (review labels, newest first) added to a run beside the reference set. Default 200; 0 = none.</summary>
    public int MaxReviewedItems { get; set; } = 200;

    /// <summary>
    /// The canary's own daily spend cap in USD (UTC day); a run stops when today's canary spend reaches it. Default 3: a
    /// Flex run of reference set v2 plus 200 reviewed samples costs $0.52 to $2.31 depending on judge model, rubric and cache
    /// (README, "Judge-drift canary").
    /// </summary>
    public decimal DailyBudgetUsd { get; set; } = 3m;

    /// <summary>
    /// Per-run probability that an unchanged judge raises the drift flag (one-sided, split over the sensitivity and
    /// specificity tests). Default 0.002: about one false alarm in 500 daily runs. Between 0 and 0.5.
    /// </summary>
    public double FalseAlarmRate { get; set; } = 0.002;

    /// <summary>How many earlier runs of the same judge model and rubric form the baseline a run is compared with. Default 7.</summary>
    public int BaselineRuns { get; set; } = 7;

    /// <summary>Judge calls in flight at once. Default 2.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// Whether the reference items keep the judge simulator's truth markers (<c>[[hallucination]]</c>) when sent. Default
    /// false: a real judge must not see the answer. Set it only against the simulator (tests, demo, benches).
    /// </summary>
    public bool SendTruthMarkers { get; set; }
}
