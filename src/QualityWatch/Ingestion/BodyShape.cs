namespace QualityWatch.Ingestion;

/// <summary>The three accepted body forms; positions are array indexes or NDJSON line numbers.</summary>
internal enum BodyShape
{
    Object,
    Array,
    Ndjson,
}
