using System.Globalization;
using QualityWatch.Alerting;
using QualityWatch.Judging;

namespace QualityWatch.Canary;

/// <summary>
/// <c>judge_canary</c>: the newest canary run of the judge model and rubric in use found the judge's own agreement with
/// the reference set's known answers dropped against its earlier runs (<see cref="CanaryDrift"/>). An operational
/// signal about QualityWatch's instrument, never a quality page: a provider silently changing the model behind a name.
/// </summary>
internal sealed class CanaryRule(CanaryStore store, IJudgeProvider provider, Rubric rubric) : IAlertRule
{
    public string Kind => AlertRuleKinds.JudgeCanary;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = await store.LatestReferenceRunsAsync(cancellationToken);
        var run = runs.FirstOrDefault(r => r.JudgeModel == provider.Model && r.RubricVersion == rubric.Version) ?? (runs.Count > 0 ? runs[0] : null);
        if (run is null)
        {
            return [];
        }

        bool? active = run.BaselineRuns == 0 ? null : run.Drift == 1;
        var specificity = Share(run.Tn, run.Tn + run.Fp);
        var sensitivity = Share(run.Tp, run.Tp + run.Fn);
        var baselineSpecificity = Share(run.BaselineTn, run.BaselineTn + run.BaselineFp);
        var baselineSensitivity = Share(run.BaselineTp, run.BaselineTp + run.BaselineFn);
        var day = DateTimeOffset.FromUnixTimeMilliseconds(run.Day);
        var summary = run.BaselineRuns == 0
            ? Invariant($"judge {run.JudgeModel} (rubric {run.RubricVersion}): first canary run on {day:yyyy-MM-dd}, {run.Agreed}/{run.Items} agree; no earlier run to compare with")
            : Invariant($"judge {run.JudgeModel} (rubric {run.RubricVersion}) on {day:yyyy-MM-dd}: specificity {specificity:P1} vs {baselineSpecificity:P1} (z {run.SpecificityZ:F2}), sensitivity {sensitivity:P1} vs {baselineSensitivity:P1} (z {run.SensitivityZ:F2}) over {run.BaselineRuns} earlier runs; against the previous run {run.SpecificityLost} clean items newly flagged, {run.SpecificityGained} no longer (McNemar z {run.SpecificityPairedZ:F2}), {run.SensitivityLost} hallucinations newly missed, {run.SensitivityGained} newly caught (z {run.SensitivityPairedZ:F2}); {(run.Drift == 1 ? "dropped" : "no drop")} at z >= {run.AlarmZ:F2}");
        return
        [
            new RuleObservation("", "", active, Largest(run), summary, new AlertEvidence
            {
                Rule = rule.Name,
                Kind = Kind,
                Stream = "",
                Value = Largest(run),
                Threshold = run.AlarmZ,
                Statistic = run.SpecificityZ,
                AlarmLevel = run.AlarmZ,
                Samples = run.Items,
                Hits = run.Agreed,
                Rate = run.Items == 0 ? null : (double)run.Agreed / run.Items,
                BaselineRate = run.BaselineItems == 0 ? null : (double)(run.BaselineTp + run.BaselineTn) / run.BaselineItems,
                BaselineSource = Invariant($"{run.BaselineRuns} earlier canary runs of judge {run.JudgeModel}, rubric {run.RubricVersion}, set {run.ItemSet}"),
                WindowEnd = day,
                Detail = "value and threshold: the largest one-sided z of a drop in sensitivity or specificity (against the earlier runs, and item by item against the previous run), and the alarm level; statistic: the specificity z against the earlier runs; rate: agreement with the known answers",
            }),
        ];
    }

    private static double Largest(CanaryRunRow run) =>
        new[] { run.SpecificityZ, run.SensitivityZ, run.SpecificityPairedZ, run.SensitivityPairedZ }.Max(z => z ?? 0);

    private static double Share(long hits, long trials) => trials == 0 ? double.NaN : (double)hits / trials;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
