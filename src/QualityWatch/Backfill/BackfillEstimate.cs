using QualityWatch.Judging;

namespace QualityWatch.Backfill;

/// <summary>What judging the queued samples should take and cost in each mode.</summary>
internal sealed record BackfillEstimate(
    long Samples, string Model, string Rubric, JudgeUsage Usage, long OutputPerVerdict, bool OutputLearned,
    decimal StandardUsd, decimal FlexUsd, decimal BatchUsd)
{
    public decimal CostFor(string mode) => mode switch
    {
        JudgeTiers.Standard => StandardUsd,
        BackfillModes.Batch => BatchUsd,
        _ => FlexUsd,
    };
}
