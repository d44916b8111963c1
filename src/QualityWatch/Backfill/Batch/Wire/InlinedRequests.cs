namespace QualityWatch.Backfill.Batch.Wire;

/// <summary>The wrapper the API nests inline requests in: <c>inputConfig.requests.requests[]</c>.</summary>
internal sealed record InlinedRequests(IReadOnlyList<InlinedRequest> Requests);
