namespace QualityWatch.Sampling;

/// <summary>
/// Change-aware sampling: a prompt_version or model a stream has not seen (or not for
/// <see cref="SilentAfter"/>) is sampled harder for a while, because most regressions arrive
/// with a new version. <c>Sampling:Boost</c>, or per stream <c>Sampling:Streams:N:Boost</c>.
/// </summary>
internal sealed class BoostOptions
{
    /// <summary>Boost new versions at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// One interaction of a boosted version in N is judged. Default 3: a judge that errs needs about three times the
    /// verdicts of a perfect one to decide a deploy (bench/RESULTS.md, "Calibration"), and they should arrive within
    /// minutes (at 10,000 responses/h, 500 in 9 min; four standard-tier calls at a time of ~3 s keep up with that).
    /// </summary>
    public int EveryN { get; set; } = 3;

    /// <summary>How long a boost lasts from the version's first interaction. Default 1 h.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A boost also ends after this many boost samples; 0 = only <see cref="Duration"/> ends it. Default 500: enough for
    /// the deploy test to decide a 2% → 8% jump three times in four with a judge of sensitivity 0.85 and specificity
    /// 0.96, and a bound on what one new version costs at any traffic.
    /// </summary>
    public int MaxSamples { get; set; } = 500;

    /// <summary>A version not seen for this long is new again when it comes back. Default 7 days.</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Judge tier requested for boost samples: <c>standard</c> (default), <c>flex</c> or <c>priority</c>.</summary>
    public string JudgeTier { get; set; } = Judging.JudgeTiers.Standard;
}
