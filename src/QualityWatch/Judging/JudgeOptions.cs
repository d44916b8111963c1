namespace QualityWatch.Judging;

/// <summary>The judge model and how it is called. Section <c>Judge</c>.</summary>
internal sealed class JudgeOptions
{
    public const string SectionName = "Judge";

    /// <summary><c>gemini</c> (default) or <c>openai</c> (any OpenAI-compatible Chat Completions endpoint).</summary>
    public string Provider { get; set; } = JudgeProviders.Gemini;

    /// <summary>
    /// API root. Default for gemini <c>https://generativelanguage.googleapis.com/</c> (the client
    /// appends <c>v1beta/...</c>); for openai <c>https://api.openai.com/v1/</c> (appends <c>chat/completions</c>).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>API key; else <c>GEMINI_API_KEY</c> / <c>OPENAI_API_KEY</c>. Never logged. Without one the worker stays idle.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Judge model. Default <c>gemini-2.5-flash</c> (gemini) or <c>gpt-5-mini</c> (openai).</summary>
    public string? Model { get; set; }

    /// <summary>Tier requested for routine samples: <c>flex</c> (default), <c>standard</c>, <c>priority</c>.</summary>
    public string ServiceTier { get; set; } = JudgeTiers.Flex;

    /// <summary>Calls started per minute, retries included. Default 60.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Estimated prompt tokens sent per minute; 0 = no limit. Default 0.</summary>
    public int TokensPerMinute { get; set; }

    /// <summary>
    /// Judge calls in flight at once per lane: routine samples in <see cref="ServiceTier"/>, and samples the
    /// sampler routes to another tier (boosts), so that those never wait behind minutes-long Flex calls. Default 4.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Timeout of one HTTP attempt. Flex can take minutes: default 10 min.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>HTTP-level retries of one call on 429/5xx/timeouts (backoff with jitter, honouring RetryInfo/Retry-After). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Calls per sample before it is marked failed with its reason. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before a sample's next attempt, doubled per attempt (capped at 30 min). Default 30 s.</summary>
    public TimeSpan AttemptBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a sample's <paramref name="attempt"/>th failed call: <see cref="AttemptBackoff"/> doubled per attempt, capped at 30 min.</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(30).Ticks, AttemptBackoff.Ticks * (1L << Math.Clamp(attempt - 1, 0, 16))));

    /// <summary>
    /// When set, a sample Flex keeps shedding (503 / resource unavailable) for this long after its
    /// first attempt is judged in <c>standard</c> instead; recorded per verdict. Default off.
    /// </summary>
    public TimeSpan? FallbackToStandardAfter { get; set; }

    /// <summary>
    /// The rubric version the live judge sends (a file <c>Judging/Rubrics/vN.md</c> built into the service): <c>v1</c>
    /// (default, ~1,400 tokens) or <c>v3</c> (~4,240 tokens, long enough for Gemini 3.5 Flash's implicit cache). Trends,
    /// alerts, reports and the canary count this rubric's verdicts; a switch keeps the other rubric's verdicts.
    /// </summary>
    public string Rubric { get; set; } = Judging.Rubric.DefaultVersion;

    /// <summary>Gemini explicit context caching of the rubric prefix.</summary>
    public JudgeCacheOptions Cache { get; set; } = new();

    /// <summary>USD per 1M tokens by judge model; unknown models cost 0 and are logged once.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = ModelPrice.Defaults();

    /// <summary>How long an idle worker waits before looking for due samples again. Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolvedModel => Model ?? (Provider == JudgeProviders.OpenAi ? "gpt-5-mini" : "gemini-2.5-flash");

    public Uri ResolvedBaseUrl => BaseUrl ?? new Uri(Provider == JudgeProviders.OpenAi ? "https://api.openai.com/v1/" : "https://generativelanguage.googleapis.com/");

    /// <summary>
    /// How long a leased sample stays with its worker before another may take it (after a crash).
    /// Default: long enough for every retry of a call, (RequestTimeout × (MaxRetries + 1)) + 5 min.
    /// </summary>
    public TimeSpan? LeaseDuration { get; set; }

    /// <summary>How often a running process tells the others it is alive (and reclaims the leases of dead ones). Default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A lease owner silent this long is dead and its leases go back to pending, attempts refunded. Only
    /// for owners whose lock file (beside the database) cannot be seen; on one machine a dead process is
    /// known at once. Default 1 min; at least twice <see cref="HeartbeatInterval"/>.
    /// </summary>
    public TimeSpan OwnerTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ResolvedLeaseDuration => LeaseDuration ?? ((RequestTimeout * (MaxRetries + 1)) + TimeSpan.FromMinutes(5));
}
