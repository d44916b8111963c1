namespace QualityWatch.Bench.Ingest;

/// <summary>One shape of ingest traffic: interactions per request and concurrent connections.</summary>
internal sealed record IngestScenario(string Name, int Batch, int Connections);
