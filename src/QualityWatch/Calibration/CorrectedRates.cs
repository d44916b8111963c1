using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using QualityWatch.Statistics;

namespace QualityWatch.Calibration;

/// <summary>
/// Corrected rates for trends, pages, reports and gauges, with the stream's current calibration (rollups do
/// not keep the judge model, so a bucket that mixes judge models is corrected with the newest one). Each
/// corrected rate costs 4,000 posterior draws, so results are kept per calibration and count: a chart of a
/// few hundred buckets is computed once per calibration, not once per view.
/// </summary>
internal sealed class CorrectedRates(CalibrationReader reader)
{
    private readonly ConditionalWeakTable<JudgeCalibration, ConcurrentDictionary<(long, long), (Estimate?, string?)>> memo = [];

    /// <summary>A lookup of corrected rates for <paramref name="streams"/>, each with its current calibration.</summary>
    public async Task<CorrectedRateLookup> ForStreamsAsync(IEnumerable<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var calibrations = new Dictionary<string, StreamCalibrations>(StringComparer.Ordinal);
        foreach (var stream in streams.Distinct(StringComparer.Ordinal))
        {
            calibrations[stream] = await reader.ForStreamAsync(stream, cancellationToken);
        }

        return new CorrectedRateLookup(this, calibrations);
    }

    /// <summary><paramref name="hallucinations"/> of <paramref name="judged"/> corrected with the current calibration of <paramref name="calibrations"/>.</summary>
    public CorrectedRateView For(StreamCalibrations calibrations, long hallucinations, long judged)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        if (calibrations.Current is not { } current)
        {
            return new CorrectedRateView(null, "no verdicts, so no calibration", null);
        }

        if (judged == 0)
        {
            return CorrectedRateView.NoVerdicts with { Calibration = current };
        }

        if (current.Labels.Total == 0)
        {
            return new CorrectedRateView(null, $"no review labels yet for judge model {current.JudgeModel}, rubric {current.RubricVersion}", current);
        }

        var results = memo.GetValue(current.Calibration, _ => new ConcurrentDictionary<(long, long), (Estimate?, string?)>());
        var (rate, reason) = results.GetOrAdd((hallucinations, judged), key => CorrectedRate.For(key.Item1, key.Item2, current.Calibration));
        return new CorrectedRateView(rate is { } r ? EstimateView.From(r, CorrectedRate.Method) : null, reason, current);
    }
}
