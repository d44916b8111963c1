using System.Globalization;

namespace QualityWatch.Bench.Ingest;

/// <summary>One load run as the client saw it: interactions the service acknowledged as committed, and request latency.</summary>
internal sealed record IngestRun(int Batch, int Connections, double Seconds, long Interactions, long Sampled, long Requests, long Errors, double P50Ms, double P99Ms)
{
    public double Rate => Interactions / Seconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ingest: batch={Batch} connections={Connections} seconds={Seconds:F1} interactions={Interactions} rate={Rate:F0}/s sampled={Sampled} requests={Requests} errors={Errors} p50={P50Ms:F2}ms p99={P99Ms:F2}ms");
}
