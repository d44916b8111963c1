using QualityWatch.Simulator.Faults;

namespace QualityWatch.Simulator.Judging;

/// <summary>Judge simulator log events: ids 9000–9099. Models, tiers, ids and counts only, never request text.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "Judge simulator listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(9001, LogLevel.Information, "Judge simulator faults: {Faults}")]
    public static partial void FaultsInForce(ILogger logger, string faults);

    [LoggerMessage(9002, LogLevel.Debug, "Injected {Fault} ({Cause}) into a {Model} request on tier {Tier}")]
    public static partial void FaultInjected(ILogger logger, FaultKind fault, FaultCause cause, string model, string tier);

    [LoggerMessage(9003, LogLevel.Debug, "Rejected a {Endpoint} request with {Status}")]
    public static partial void Rejected(ILogger logger, string endpoint, int status);

    [LoggerMessage(9004, LogLevel.Debug, "Answered {Model} on tier {Tier}: {PromptTokens} prompt tokens, {CachedTokens} cached")]
    public static partial void Answered(ILogger logger, string model, string tier, int promptTokens, int cachedTokens);

    [LoggerMessage(9005, LogLevel.Debug, "A {Model} request ended without an answer (hang, client gone or shutdown)")]
    public static partial void Unanswered(ILogger logger, string model);

    [LoggerMessage(9006, LogLevel.Debug, "Created {Cache} for {Model}: {Tokens} tokens, expires {ExpireTime}")]
    public static partial void CacheCreated(ILogger logger, string cache, string model, int tokens, DateTimeOffset expireTime);

    [LoggerMessage(9007, LogLevel.Debug, "Deleted {Cache}")]
    public static partial void CacheDeleted(ILogger logger, string cache);

    [LoggerMessage(9008, LogLevel.Information, "Webhook {Type} for {Batch} answered {Status}")]
    public static partial void WebhookDelivered(ILogger logger, string type, string batch, int status);

    [LoggerMessage(9009, LogLevel.Warning, "Webhook {Type} for {Batch} not delivered: {Reason}")]
    public static partial void WebhookFailed(ILogger logger, string type, string batch, string reason);
}
