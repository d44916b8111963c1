namespace QualityWatch.Backfill.Batch;

/// <summary>Batch judging and Gemini webhook log events: ids 13000–13099. Ids and reasons only, never sample text or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(13010, LogLevel.Information, "Batch job {Batch} created with {Requests} requests ({Input})")]
    public static partial void BatchCreated(ILogger logger, string batch, int requests, string input);

    [LoggerMessage(13011, LogLevel.Warning, "Batch job {Batch} ({DisplayName}) was created before a crash; adopted instead of submitting again")]
    public static partial void BatchAdopted(ILogger logger, string batch, string displayName);

    [LoggerMessage(13012, LogLevel.Information, "Batch job {Batch} ended {State}: {Verdicts} verdicts, {Failures} lines to retry")]
    public static partial void BatchCollected(ILogger logger, string batch, string state, int verdicts, int failures);

    [LoggerMessage(13013, LogLevel.Warning, "Batch API call failed, retrying next round: {Reason}")]
    public static partial void BatchCallFailed(ILogger logger, string reason);

    [LoggerMessage(13014, LogLevel.Information, "Batch job {Batch} was collected by another poller meanwhile; its results were not stored twice")]
    public static partial void BatchCollectLost(ILogger logger, string batch);

    [LoggerMessage(13020, LogLevel.Warning, "Batch collector round failed ({Error}), trying again later: {Reason}")]
    public static partial void BatchCollectorFailed(ILogger logger, string error, string reason);

    [LoggerMessage(13030, LogLevel.Information, "Gemini webhook {WebhookId} ({Type}) accepted; collecting batch jobs now")]
    public static partial void WebhookAccepted(ILogger logger, string webhookId, string type);

    [LoggerMessage(13031, LogLevel.Warning, "Gemini webhook {WebhookId} rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason, string webhookId);

    [LoggerMessage(13032, LogLevel.Warning, "Gemini webhook {WebhookId} has a valid signature but a malformed body")]
    public static partial void WebhookMalformed(ILogger logger, string webhookId);

    [LoggerMessage(13033, LogLevel.Information, "Gemini webhook {WebhookId} ({Type}) was delivered before; acknowledged without acting again")]
    public static partial void WebhookDuplicate(ILogger logger, string webhookId, string type);

    [LoggerMessage(13034, LogLevel.Information, "Gemini webhook {WebhookId} has event type {Type}, which this service does not handle; acknowledged")]
    public static partial void WebhookIgnored(ILogger logger, string webhookId, string type);
}
