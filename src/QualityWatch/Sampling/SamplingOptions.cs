namespace QualityWatch.Sampling;

/// <summary>Which interactions are judged. Section <c>Sampling</c>.</summary>
internal sealed class SamplingOptions
{
    public const string SectionName = "Sampling";

    /// <summary>The name of the stream that takes every interaction no configured stream matches.</summary>
    public const string DefaultStream = "default";

    /// <summary>N for the <c>default</c> stream: one interaction in N is judged. Default 100.</summary>
    public int EveryN { get; set; } = 100;

    /// <summary>Sampling mode of the <c>default</c> stream. Default <c>EveryN</c>.</summary>
    public SamplingMode Mode { get; set; } = SamplingMode.EveryN;

    /// <summary>Change-aware boost of new prompt_version / model values, for every stream without its own.</summary>
    public BoostOptions Boost { get; set; } = new();

    /// <summary>Daily judge budget for every stream without its own; off by default.</summary>
    public BudgetOptions Budget { get; set; } = new();

    /// <summary>
    /// Distinct prompt_version values, and separately model values, tracked per stream (boosts, <c>volume_hourly</c>,
    /// samples, trends). Later values are counted and stored as <c>_other</c> until a tracked one is forgotten.
    /// Default 200.
    /// </summary>
    public int MaxVersionsPerStream { get; set; } = 200;

    /// <summary>
    /// A tracked prompt_version or model value unseen this long is forgotten, freeing its place under
    /// <see cref="MaxVersionsPerStream"/>; at least every stream's <c>Boost:SilentAfter</c>. Default 30 days.
    /// </summary>
    public TimeSpan ForgetVersionsAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Configured streams, matched in order; the first whose labels all match wins.</summary>
    public List<StreamOptions> Streams { get; set; } = [];
}
