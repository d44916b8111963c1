namespace QualityWatch.Bench.Ingest;

/// <summary>A scenario's load run, the service's peak RSS during it, and the machine's load average before it.</summary>
internal sealed record IngestScenarioResult(IngestScenario Scenario, IngestRun Run, long PeakRssBytes, double LoadBefore);
