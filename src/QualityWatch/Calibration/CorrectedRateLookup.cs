namespace QualityWatch.Calibration;

/// <summary>The calibrations of a few streams, read once for one answer, and the corrected rate of a count on one of them.</summary>
internal sealed class CorrectedRateLookup(CorrectedRates rates, IReadOnlyDictionary<string, StreamCalibrations> calibrations)
{
    public CorrectedRateView For(string stream, long hallucinations, long judged) =>
        rates.For(calibrations.GetValueOrDefault(stream) ?? StreamCalibrations.None(stream), hallucinations, judged);
}
