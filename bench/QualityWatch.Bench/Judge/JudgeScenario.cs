namespace QualityWatch.Bench.Judge;

/// <summary>One judge throughput run: the share of requests the simulator answers with 429.</summary>
internal sealed record JudgeScenario(string Name, double Rate429);
