using QualityWatch.Bench.Ingest;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>One round of one scenario: the baseline and QualityWatch under the same client and payload, back to back.</summary>
internal sealed record IngestLimitRun(IngestScenario Scenario, int Round, IngestRun Baseline, IngestRun Service, long ServicePeakRssBytes, double LoadBefore)
{
    public double Ratio => Baseline.Rate == 0 ? 0 : Service.Rate / Baseline.Rate;
}
