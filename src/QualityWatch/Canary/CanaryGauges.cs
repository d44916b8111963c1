using System.Diagnostics.Metrics;
using Dapper;
using QualityWatch.Telemetry;

namespace QualityWatch.Canary;

/// <summary>
/// The newest reference-set run per judge model as gauges: agreement, sensitivity, specificity and the drift flag.
/// Read from the database when scraped, through the shared <see cref="StateReads"/>.
/// </summary>
internal sealed class CanaryGauges : IMetricGauges
{
    private const string LatestSql =
        $"""
        SELECT judge_model AS JudgeModel, tp AS Tp, fp AS Fp, tn AS Tn, fn AS Fn, drift AS Drift
        FROM canary_runs r
        WHERE item_set <> '{CanaryStore.ReviewedSet}'
          AND finished_at = (SELECT MAX(finished_at) FROM canary_runs m WHERE m.judge_model = r.judge_model AND m.item_set <> '{CanaryStore.ReviewedSet}');
        """;

    private LabelLimits? labelLimits;
    private StateRead<IReadOnlyList<CanaryRunRow>>? read;

    private LabelLimits Labels => labelLimits ?? throw new InvalidOperationException("The canary gauges are not registered.");

    private StateRead<IReadOnlyList<CanaryRunRow>> Latest => read ?? throw new InvalidOperationException("The canary gauges are not registered.");

    public void Register(GaugeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        labelLimits = context.Labels;
        read = context.State.Add<IReadOnlyList<CanaryRunRow>>(tx => tx.Connection.Query<CanaryRunRow>(LatestSql, transaction: tx.Transaction).AsList(), []);
        var meter = context.Meter;
        meter.CreateObservableGauge(QualityWatchMetrics.CanaryAgreement, () => Ratio(r => (r.Agreed, r.Items)), "1", "Share of the canary reference set the judge answered as known, newest run");
        meter.CreateObservableGauge(QualityWatchMetrics.CanarySensitivity, () => Ratio(r => (r.Tp, r.Tp + r.Fn)), "1", "The judge's sensitivity on the canary reference set, newest run");
        meter.CreateObservableGauge(QualityWatchMetrics.CanarySpecificity, () => Ratio(r => (r.Tn, r.Tn + r.Fp)), "1", "The judge's specificity on the canary reference set, newest run");
        meter.CreateObservableGauge(QualityWatchMetrics.CanaryDrift, Drift, "{run}", "1 when the newest canary run found the judge's agreement dropped against earlier runs");
    }

    internal IEnumerable<Measurement<double>> Ratio(Func<CanaryRunRow, (long Hits, long Trials)> of) =>
        Latest.Current.Select(r => (Row: r, Pair: of(r)))
            .Where(x => x.Pair.Trials > 0)
            .Select(x => new Measurement<double>((double)x.Pair.Hits / x.Pair.Trials, Tag(x.Row)));

    internal IEnumerable<Measurement<long>> Drift() => Latest.Current.Select(r => new Measurement<long>(r.Drift, Tag(r)));

    private KeyValuePair<string, object?> Tag(CanaryRunRow row) => new("judge_model", Labels.Model(row.JudgeModel));
}
