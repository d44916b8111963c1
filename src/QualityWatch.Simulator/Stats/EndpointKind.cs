namespace QualityWatch.Simulator.Stats;

/// <summary>The simulator's endpoints, as counted in <see cref="SimulatorStats"/>.</summary>
public enum EndpointKind
{
    GenerateContent,
    ChatCompletions,
    CacheCreate,
    CacheGet,
    CacheList,
    CachePatch,
    CacheDelete,
    BatchCreate,
    BatchGet,
    BatchList,
    FileUpload,
    FileDownload,

    /// <summary>One request inside a batch job, answered by the simulator's batch processing.</summary>
    BatchItem,
}
