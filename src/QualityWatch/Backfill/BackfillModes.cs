using QualityWatch.Judging;

namespace QualityWatch.Backfill;

/// <summary>How a backfill judges: one call per sample in a service tier, or a Gemini Batch API job.</summary>
internal static class BackfillModes
{
    public const string Flex = JudgeTiers.Flex;
    public const string Standard = JudgeTiers.Standard;

    /// <summary>Also the tier name verdicts and prices use for batch-judged samples.</summary>
    public const string Batch = "batch";
}
