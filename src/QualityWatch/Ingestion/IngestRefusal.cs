namespace QualityWatch.Ingestion;

/// <summary>Why a request's valid interactions were not stored; every refusal is safe to retry.</summary>
internal enum IngestRefusal
{
    None,

    /// <summary>The process is stopping: retry here after the restart or on another instance.</summary>
    ShuttingDown,

    /// <summary>The writer's queue is full or closed.</summary>
    Busy,

    /// <summary>The database could not commit the group.</summary>
    StorageUnavailable,
}
