namespace QualityWatch.Backfill;

/// <summary>Backfill log events: ids 10000–10099. Ids and reasons only, never sample text or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(10000, LogLevel.Information, "Backfill released {Count} leased samples")]
    public static partial void BackfillReleased(ILogger logger, int count);

    [LoggerMessage(10001, LogLevel.Warning, "Backfill lost the lease of sample {InteractionId}; its verdict was not stored twice")]
    public static partial void BackfillLeaseLost(ILogger logger, string interactionId);

    [LoggerMessage(10002, LogLevel.Information, "Backfill sample {InteractionId} attempt {Attempt} gave no verdict ({Reason}); failed for good: {Failed}")]
    public static partial void BackfillCallFailed(ILogger logger, string interactionId, int attempt, string reason, bool failed);
}
