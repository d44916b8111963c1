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
}
