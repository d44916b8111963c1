namespace QualityWatch.Judging;

/// <summary>Judge log events: ids 3000–3099; the shutdown drain 8010–8019. Sample ids and provider errors only, never sample text or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Judge worker started: provider {Provider}, model {Model}, tier {Tier}, {RequestsPerMinute} requests/min, concurrency {Concurrency}, rubric {RubricVersion}")]
    public static partial void WorkerStarted(ILogger logger, string provider, string model, string tier, int requestsPerMinute, int concurrency, string rubricVersion);

    [LoggerMessage(3001, LogLevel.Warning, "Judge worker idle: no API key (set Judge:ApiKey or {EnvironmentVariable}); samples stay pending until one is configured")]
    public static partial void WorkerDisabled(ILogger logger, string environmentVariable);

    [LoggerMessage(3002, LogLevel.Debug, "Judged sample {InteractionId} in {LatencyMs} ms, tier {Tier}, attempt {Attempt}")]
    public static partial void SampleJudged(ILogger logger, string interactionId, long latencyMs, string tier, int attempt);

    [LoggerMessage(3003, LogLevel.Warning, "Sample {InteractionId} failed after {Attempts} attempts: {Reason}")]
    public static partial void SampleFailed(ILogger logger, string interactionId, int attempts, string reason);

    [LoggerMessage(3004, LogLevel.Information, "Sample {InteractionId} attempt {Attempt} gave no verdict ({Kind}: {Reason}); retrying in {Delay}")]
    public static partial void SampleRetry(ILogger logger, string interactionId, int attempt, JudgeFailureKind kind, string reason, TimeSpan delay);

    [LoggerMessage(3005, LogLevel.Error, "Judge daily quota exhausted ({Reason}); no judge calls until {ResumeAt:O}")]
    public static partial void DailyQuotaPause(ILogger logger, string reason, DateTimeOffset resumeAt);

    [LoggerMessage(3006, LogLevel.Warning, "Judge circuit open: the judge keeps failing; pausing calls for {Pause}")]
    public static partial void CircuitOpen(ILogger logger, TimeSpan pause);

    [LoggerMessage(3007, LogLevel.Warning, "Lease on sample {InteractionId} was lost before its verdict was committed; the verdict was discarded")]
    public static partial void LeaseLost(ILogger logger, string interactionId);

    [LoggerMessage(3008, LogLevel.Error, "Judge worker loop failed; retrying in {Delay}")]
    public static partial void WorkerLoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(3009, LogLevel.Information, "Sample {InteractionId}: Flex kept shedding for {Waited}; judging in standard tier")]
    public static partial void FallbackToStandard(ILogger logger, string interactionId, TimeSpan waited);

    [LoggerMessage(3010, LogLevel.Information, "Released {Count} leased samples on shutdown")]
    public static partial void LeasesReleased(ILogger logger, int count);

    [LoggerMessage(3011, LogLevel.Error, "The judge refused the API key ({Reason}); check Judge:ApiKey. No judge calls until {ResumeAt:O}")]
    public static partial void KeyRejected(ILogger logger, string reason, DateTimeOffset resumeAt);

    [LoggerMessage(3012, LogLevel.Warning, "Lease owner {Owner} is dead ({Why}): {Count} of its leases given back, attempts not charged")]
    public static partial void DeadOwnerReclaimed(ILogger logger, string owner, int count, string why);

    [LoggerMessage(3013, LogLevel.Warning, "Lease heartbeat failed; retrying in {Delay}")]
    public static partial void HeartbeatFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(3014, LogLevel.Information, "Judge attempts without a verdict ({Kind}) repeated {Count} times in the last {Period}; each is retried (only the first is logged)")]
    public static partial void SampleRetryRepeated(ILogger logger, JudgeFailureKind kind, int count, TimeSpan period);

    [LoggerMessage(3015, LogLevel.Warning, "Samples failed for good ({Kind}) repeated {Count} times in the last {Period}; see GET /v1/samples?status=failed (only the first is logged)")]
    public static partial void SampleFailedRepeated(ILogger logger, JudgeFailureKind kind, int count, TimeSpan period);

    [LoggerMessage(3016, LogLevel.Error, "Judge worker loop failure repeated {Count} times in the last {Period} (only the first is logged in full)")]
    public static partial void WorkerLoopFailedRepeated(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(3017, LogLevel.Warning, "Lease heartbeat failure repeated {Count} times in the last {Period} (only the first is logged in full)")]
    public static partial void HeartbeatFailedRepeated(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(3020, LogLevel.Information, "Created rubric cache {CacheName}, expires {ExpireAt:O}")]
    public static partial void CacheCreated(ILogger logger, string cacheName, DateTimeOffset expireAt);

    [LoggerMessage(3021, LogLevel.Debug, "Refreshed rubric cache {CacheName}, expires {ExpireAt:O}")]
    public static partial void CacheRefreshed(ILogger logger, string cacheName, DateTimeOffset expireAt);

    [LoggerMessage(3022, LogLevel.Information, "Rubric cache {CacheName} is gone; it will be recreated")]
    public static partial void CacheGone(ILogger logger, string cacheName);

    [LoggerMessage(3023, LogLevel.Information, "Rubric (~{Tokens} tokens) is below the model's explicit cache minimum; using implicit caching")]
    public static partial void CacheTooSmall(ILogger logger, int tokens);

    [LoggerMessage(3024, LogLevel.Warning, "Creating the rubric cache failed with HTTP {Status}; this call uses implicit caching")]
    public static partial void CacheCreateFailed(ILogger logger, int status);

    [LoggerMessage(3025, LogLevel.Information, "Deleted stale rubric cache {CacheName} (HTTP {Status})")]
    public static partial void CacheDeleted(ILogger logger, string cacheName, int status);

    [LoggerMessage(3026, LogLevel.Warning, "No price for judge model {Model} in Judge:Prices; its cost is recorded as 0")]
    public static partial void UnknownPrice(ILogger logger, string model);

    [LoggerMessage(8010, LogLevel.Information, "Stopping: {Count} judge calls in flight get up to {Grace} to answer (Shutdown:JudgeGrace); the rest are cancelled and their samples released")]
    public static partial void DrainingCalls(ILogger logger, int count, TimeSpan grace);
}
