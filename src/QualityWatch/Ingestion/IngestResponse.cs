using System.Text.Json.Serialization;

namespace QualityWatch.Ingestion;

/// <summary>
/// The answer to an ingest request, sent only after everything accepted is committed.
/// <c>accepted + duplicates + rejected.length</c> equals the number of items sent.
/// </summary>
internal sealed record IngestResponse(
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("duplicates")] int Duplicates,
    [property: JsonPropertyName("sampled")] int Sampled,
    [property: JsonPropertyName("rejected")] IReadOnlyList<Rejection> Rejected);
