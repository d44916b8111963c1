namespace QualityWatch.Ingestion;

/// <summary>What one request's interactions became once committed.</summary>
internal readonly record struct IngestOutcome(int Accepted, int Duplicates, int Sampled);
