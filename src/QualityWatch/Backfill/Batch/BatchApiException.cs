namespace QualityWatch.Backfill.Batch;

/// <summary>A Batch API call failed; the message holds the operation and HTTP status, never request text.</summary>
internal sealed class BatchApiException(string message) : Exception(message);
