namespace QualityWatch.Alerting;

/// <summary>One alert rule, <c>Alerting:Rules:N</c>. Settings a kind does not use are ignored.</summary>
internal sealed class AlertRuleOptions
{
    /// <summary>Unique rule name; the <c>alertname</c> label. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="AlertRuleKinds"/>. Required.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The <c>severity</c> label. Default <c>warning</c>.</summary>
    public string Severity { get; set; } = "warning";

    /// <summary>Stream names the rule watches; empty or <c>*</c> = every stream with data. Default every stream.</summary>
    public List<string> Streams { get; set; } = [];

    /// <summary>Extra labels put on every notification of this rule.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>How long the condition must hold (pending) before the alert fires. Default 0: fire on the first evaluation.</summary>
    public TimeSpan For { get; set; } = TimeSpan.Zero;

    /// <summary>While firing, notify again only after this long since the last notification. Default 4 h.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Send a notification when the alert resolves. Default true.</summary>
    public bool NotifyOnResolve { get; set; } = true;

    /// <summary>
    /// Hold a firing alert until its condition has been clear (at or below the resolve level) this long, like
    /// Prometheus' <c>keep_firing_for</c>; a return above the resolve level starts the wait again. Default 15 min.
    /// </summary>
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>hallucination_rate: a firing alert is clear only at or below this rate (0–1, at most Threshold). Default 0.8 × Threshold.</summary>
    public double? ResolveLevel { get; set; }

    /// <summary>hallucination_rate: a firing alert is clear only once the Wilson 95% upper bound is below Threshold (instead of ResolveLevel). Default false.</summary>
    public bool ResolveOnUpperBound { get; set; }

    /// <summary>Flap guard: with more than this many transitions (to firing or resolved) within FlapWindow a firing alert holds instead of resolving. Default 2.</summary>
    public int MaxFlaps { get; set; } = 2;

    /// <summary>Flap guard window. Default 6 h.</summary>
    public TimeSpan FlapWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// hallucination_rate and sequential: the rate compared, <c>judged</c> or <c>corrected</c> for judge error. Unset
    /// (default): corrected once the stream's current judge model and rubric have a usable calibration, judged before.
    /// Set to <c>corrected</c>, a stream without one reports insufficient data instead of falling back.
    /// </summary>
    public string? Rate { get; set; }

    /// <summary>Rate threshold (0–1): hallucination_rate default 0.05, judge_failure_ratio default 0.2.</summary>
    public double? Threshold { get; set; }

    /// <summary>Sliding window of window rules, over verdicts' judged_at (samples' updated_at for judge_failure_ratio). Default 2 h.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Window rules evaluate only when the window holds at least this many verdicts; fewer keeps the last state. Default 100.</summary>
    public int MinSamples { get; set; } = 100;

    /// <summary>hallucination_rate: also require the Wilson 95% lower bound to exceed the threshold. Default false.</summary>
    public bool RequireLowerBound { get; set; }

    /// <summary>accuracy_mean / tone_mean: fire when the mean score (1–5) is below this. Default 3.5.</summary>
    public double Level { get; set; } = 3.5;

    /// <summary>backlog: fire when the oldest pending or leased sample was received longer ago than this. Default 1 h.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>ingest_stalled: fire when a stream received no interaction for this long. Default 1 h (volume is counted per hour, so allow at least 1 h).</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>sequential: the in-control hallucination rate p0; null (default) learns it from the stream's other prompt versions.</summary>
    public double? BaselineRate { get; set; }

    /// <summary>sequential: how far back the baseline is learned, and the sample rate measured. Default 7 days.</summary>
    public TimeSpan BaselineLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>sequential: verdicts a learned baseline needs. Default 200.</summary>
    public int MinBaselineSamples { get; set; } = 200;

    /// <summary>
    /// sequential: a learned p0 is the upper Wilson bound this many standard errors above the estimate, so a
    /// baseline learned from little history does not run the false-alarm rate over its budget. 0 = the point
    /// estimate. Default 1 (costs ~4% in median delay for a 2% → 8% jump).
    /// </summary>
    public double BaselineStandardErrors { get; set; } = 1;

    /// <summary>sequential: the shift to detect, p1 = p0 × this. Default 2.</summary>
    public double BaselineMultiplier { get; set; } = 2;

    /// <summary>sequential: an absolute p1 instead of the multiplier. Default null.</summary>
    public double? TargetRate { get; set; }

    /// <summary>sequential: false alarms allowed per 30 days per stream × prompt_version (the alarm level h follows from it). Default 1.</summary>
    public double FalseAlarmsPer30Days { get; set; } = 1;

    /// <summary>sequential: share (0–1, below 1) of the false-alarm budget given to the deploy-anchored SPRT of each new version; 0 = off. Default 0.5.</summary>
    public double DeployTestShare { get; set; } = 0.5;

    /// <summary>sequential: new prompt versions expected per day, over which the deploy tests' share is spread. Default 1.</summary>
    public double VersionsPerDay { get; set; } = 1;

    /// <summary>
    /// sequential: a firing prompt_version that has had no verdicts for this long, while the stream has verdicts of other
    /// versions since its last one (rolled back: its traffic moved on), is clear ("no longer receiving traffic") and
    /// resolves after ResolveAfter; its statistic is kept, so the version fires again if its traffic returns. Default 1 h.
    /// </summary>
    public TimeSpan NoTrafficAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>sequential: the deploy test covers a version's first this many verdicts. Default 1000.</summary>
    public int DeployTestSamples { get; set; } = 1000;
}
