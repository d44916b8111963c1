using QualityWatch.Bench.Ingest;

namespace QualityWatch.Bench.Dedup;

/// <summary>One <c>dedup-window</c> run against one build: the load as the client saw it, and the dedup record's size.</summary>
internal sealed record DedupWindowResult(string Build, IngestRun Run, TimeSpan Window, long MaxStored, long FinalStored, int Samples, SeenSample? Worst, long WorstWindowIds, double WorstRatio)
{
    public double LoadBefore { get; init; } = -1;
}
