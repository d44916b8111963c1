namespace QualityWatch.Reviews;

/// <summary>
/// How many of the next <c>n</c> queued samples come from each stratum. The target is on the running
/// total of labels, not on each request: a queue asked for one sample at a time still alternates, and
/// a stratum that fell behind (labels posted outside the queue, a reviewer who skipped) catches up.
/// Each stratum first gets <c>floor</c> labels (alternating while both are below it), because the optimal
/// share is estimated from the labels and a stratum without any could never show it was wrong.
/// A stratum with too few candidates gives its places to the other.
/// </summary>
internal static class StratumAllocation
{
    public static (int Yes, int No) Allocate(StratumCounts labelled, int n, double yesShare, int availableYes, int availableNo, int floor = 0)
    {
        var total = labelled.JudgedYes + labelled.JudgedNo + n;
        var floorNow = Math.Min(floor, total / 2);
        var wantYes = Math.Clamp((long)Math.Floor((total * yesShare) + 0.5), floorNow, total - floorNow) - labelled.JudgedYes;
        var yes = (int)Math.Clamp(wantYes, 0, n);
        yes = Math.Min(yes, availableYes);
        var no = Math.Min(n - yes, availableNo);
        yes = Math.Min(n - no, availableYes);
        return (yes, no);
    }
}
