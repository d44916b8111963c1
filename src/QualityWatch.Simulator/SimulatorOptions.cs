using QualityWatch.Simulator.Faults;

namespace QualityWatch.Simulator;

/// <summary>The judge simulator's settings, section <c>Simulator</c>; faults come from section <c>Faults</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>When set, Gemini requests need <c>x-goog-api-key</c> (or <c>?key=</c>) equal to it. Default none: no check.</summary>
    public string? GeminiApiKey { get; set; }

    /// <summary>When set, chat requests need <c>Authorization: Bearer</c> with it. Default none: no check.</summary>
    public string? OpenAiApiKey { get; set; }

    /// <summary>Smallest explicit cache, and smallest shared prefix reported as an implicit Gemini cache hit, in tokens. Default 1024.</summary>
    public int MinCacheTokens { get; set; } = 1024;

    /// <summary>Thought tokens reported when thinking is on (thinkingBudget not 0; OpenAI: reasoning_effort set). Default 64.</summary>
    public int ThinkingTokens { get; set; } = 64;

    /// <summary>How long a prompt prefix stays warm for implicit (Gemini) and automatic (OpenAI) caching. Default 5 min.</summary>
    public TimeSpan PrefixCacheWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of an explicit cache created without ttl or expireTime. Default 1 h, as the real API.</summary>
    public TimeSpan DefaultCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The list prices the simulator bills answers at (USD per 1M tokens, and each tier's share).</summary>
    public SimulatorPrices Prices { get; set; } = new();

    /// <summary>Batch jobs: processing delay, expiry, and the webhooks told when a job ends.</summary>
    public SimulatorBatchOptions Batch { get; set; } = new();

    /// <summary>How often the judge errs (sensitivity, specificity, score noise), per model if need be. Default a perfect judge.</summary>
    public Verdicts.JudgeErrorOptions Judge { get; set; } = new();

    /// <summary>The faults in force at start; change them while running through <see cref="JudgeSimulator.Faults"/>.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>The clock for latency, cache expiry, quotas and timestamps. Default <see cref="TimeProvider.System"/>; not bound from configuration.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
