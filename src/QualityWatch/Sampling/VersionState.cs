namespace QualityWatch.Sampling;

/// <summary>
/// One prompt_version or model value of a stream (a <c>sampling_versions</c> row): when it was last
/// seen and, while it boosts, its own every-N counter.
/// </summary>
internal sealed class VersionState
{
    public string Stream { get; init; } = "";

    /// <summary><see cref="VersionDimensions.PromptVersion"/> or <see cref="VersionDimensions.Model"/>.</summary>
    public string Dimension { get; init; } = "";

    public string Value { get; init; } = "";

    public long FirstSeen { get; set; }

    public long LastSeen { get; set; }

    /// <summary>Unix ms the boost ends; 0 when the version never boosted.</summary>
    public long BoostUntil { get; set; }

    /// <summary>Interactions of this version counted during its boost.</summary>
    public long BoostCounter { get; set; }

    /// <summary>Boost samples taken for this version.</summary>
    public long BoostSampled { get; set; }

    public bool Boosting(long nowMs, BoostOptions boost) =>
        nowMs < BoostUntil && (boost.MaxSamples == 0 || BoostSampled < boost.MaxSamples);
}
