using QualityWatch.Bench.Ingest;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>One round of one scenario: the baseline and QualityWatch under the same client and payload, back to back.</summary>
internal sealed record IngestLimitRun(IngestScenario Scenario, int Round, IngestRun Baseline, IngestRun Service, long ServicePeakRssBytes, double LoadBefore, double FsyncMs)
{
    /// <summary>CPU seconds the parse-only server used during its measured load.</summary>
    public double BaselineCpuSeconds { get; init; }

    /// <summary>CPU seconds QualityWatch used during its measured load.</summary>
    public double ServiceCpuSeconds { get; init; }

    /// <summary>Microseconds of CPU per interaction acknowledged.</summary>
    public double BaselineCpuUs => Baseline.Interactions == 0 ? 0 : BaselineCpuSeconds * 1e6 / Baseline.Interactions;

    /// <summary>Microseconds of CPU per interaction acknowledged.</summary>
    public double ServiceCpuUs => Service.Interactions == 0 ? 0 : ServiceCpuSeconds * 1e6 / Service.Interactions;

    /// <summary>The limit's CPU per interaction over QualityWatch's: the ratio the machine would show if nothing else ran on it and the client were free.</summary>
    public double CpuRatio => ServiceCpuUs == 0 ? 0 : BaselineCpuUs / ServiceCpuUs;

    /// <summary>QualityWatch's interactions/s over the limit's, in the same round.</summary>
    public double Ratio => Baseline.Rate == 0 ? 0 : Service.Rate / Baseline.Rate;

    /// <summary>
    /// The most single objects a second any durable server can acknowledge here: each connection waits for a commit, so at
    /// best every commit carries one request per connection, and a commit takes at least one fsync.
    /// </summary>
    public double DurableBound => FsyncMs <= 0 ? double.PositiveInfinity : Scenario.Connections * Scenario.Batch * 1000 / FsyncMs;
}
