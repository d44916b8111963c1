namespace QualityWatch.Storage;

/// <summary>The SQLite <c>synchronous</c> pragma levels QualityWatch allows in WAL mode.</summary>
internal enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}
