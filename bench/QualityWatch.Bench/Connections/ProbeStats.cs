namespace QualityWatch.Bench.Connections;

/// <summary>/healthz probes: how many were answered 200, and the latency of those (ms).</summary>
internal sealed record ProbeStats(int Sent, int Answered, double P50Ms, double MaxMs)
{
    public static ProbeStats Of(int sent, List<double> answeredMs)
    {
        answeredMs.Sort();
        return new ProbeStats(sent, answeredMs.Count, answeredMs.Count == 0 ? double.NaN : answeredMs[answeredMs.Count / 2], answeredMs.Count == 0 ? double.NaN : answeredMs[^1]);
    }
}
