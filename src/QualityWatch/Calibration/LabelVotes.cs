using QualityWatch.Statistics;

namespace QualityWatch.Calibration;

/// <summary>
/// Several reviewers' labels of one sample make one label: the majority answer of the sample's current labels,
/// a tie going to the most recently changed label. The judge's answer it is compared with is the one the newest
/// label of that judge model and rubric recorded. A sample labelled against two judge models counts once in each
/// of their calibrations. See docs/statistics.md, "How labels combine".
/// </summary>
internal static class LabelVotes
{
    public static IReadOnlyDictionary<(string JudgeModel, string RubricVersion), (JudgeLabelCounts Counts, long Since)> Combine(IEnumerable<LabelRecord> labels)
    {
        var result = new Dictionary<(string, string), (JudgeLabelCounts Counts, long Since)>();
        foreach (var sample in labels.GroupBy(l => l.InteractionId, StringComparer.Ordinal))
        {
            var truth = Truth([.. sample]);
            foreach (var cell in sample.GroupBy(l => (l.JudgeModel, l.RubricVersion)))
            {
                var judged = cell.MaxBy(l => (l.UpdatedAt, l.CreatedAt))!.JudgedHallucination == 1;
                var since = cell.Min(l => l.CreatedAt);
                var (counts, first) = result.GetValueOrDefault(cell.Key, (default, long.MaxValue));
                counts = (judged, truth) switch
                {
                    (true, true) => counts with { TruePositives = counts.TruePositives + 1 },
                    (true, false) => counts with { FalsePositives = counts.FalsePositives + 1 },
                    (false, false) => counts with { TrueNegatives = counts.TrueNegatives + 1 },
                    (false, true) => counts with { FalseNegatives = counts.FalseNegatives + 1 },
                };
                result[cell.Key] = (counts, Math.Min(first, since));
            }
        }

        return result;
    }

    /// <summary>The majority answer; on a tie, the answer of the label changed last.</summary>
    internal static bool Truth(IReadOnlyCollection<LabelRecord> labels)
    {
        var yes = labels.Count(l => l.Hallucination == 1);
        var no = labels.Count - yes;
        return yes != no ? yes > no : labels.MaxBy(l => (l.UpdatedAt, l.CreatedAt))!.Hallucination == 1;
    }
}
