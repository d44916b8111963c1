namespace QualityWatch.Backfill;

/// <summary>Backfill and batch log events: ids 10000–10099. Ids and reasons only, never sample text or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(10000, LogLevel.Information, "Backfill released {Count} leased samples")]
    public static partial void BackfillReleased(ILogger logger, int count);

    [LoggerMessage(10001, LogLevel.Warning, "Backfill lost the lease of sample {InteractionId}; its verdict was not stored twice")]
    public static partial void BackfillLeaseLost(ILogger logger, string interactionId);

    [LoggerMessage(10002, LogLevel.Information, "Backfill sample {InteractionId} attempt {Attempt} gave no verdict ({Reason}); failed for good: {Failed}")]
    public static partial void BackfillCallFailed(ILogger logger, string interactionId, int attempt, string reason, bool failed);

    [LoggerMessage(10010, LogLevel.Information, "Batch job {Batch} created with {Requests} requests ({Input})")]
    public static partial void BatchCreated(ILogger logger, string batch, int requests, string input);

    [LoggerMessage(10011, LogLevel.Warning, "Batch job {Batch} ({DisplayName}) was created before a crash; adopted instead of submitting again")]
    public static partial void BatchAdopted(ILogger logger, string batch, string displayName);

    [LoggerMessage(10012, LogLevel.Information, "Batch job {Batch} ended {State}: {Verdicts} verdicts, {Failures} lines to retry")]
    public static partial void BatchCollected(ILogger logger, string batch, string state, int verdicts, int failures);

    [LoggerMessage(10013, LogLevel.Warning, "Batch API call failed, retrying next round: {Reason}")]
    public static partial void BatchCallFailed(ILogger logger, string reason);
}
