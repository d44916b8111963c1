namespace QualityWatch.Backfill;

/// <summary>How <c>qualitywatch backfill</c> judges history. Section <c>Backfill</c>.</summary>
internal sealed class BackfillOptions
{
    public const string SectionName = "Backfill";

    /// <summary><c>flex</c>, <c>standard</c> or <c>batch</c>; default none: Judge:ServiceTier. <c>--mode</c> overrides it.</summary>
    public string? Mode { get; set; }

    /// <summary>Output + thinking tokens per verdict the estimate assumes until 20 verdicts of the judge model exist to learn from. Default 100.</summary>
    public int EstimatedOutputTokens { get; set; } = 100;

    /// <summary>How often a progress line is printed when output is not a terminal. Default 5 s.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);
}
