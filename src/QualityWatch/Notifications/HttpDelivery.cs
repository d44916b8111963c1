using Polly.Timeout;

namespace QualityWatch.Notifications;

/// <summary>What an HTTP channel's failure means for the outbox; webhooks and Alertmanager share it.</summary>
internal static class HttpDelivery
{
    /// <summary>5xx, 408 and 429 are worth another try; any other 4xx is the receiver refusing this message.</summary>
    public static DeliveryResult Refused(int status, string error) =>
        status >= 500 || status is 408 or 429 ? DeliveryResult.Retry(error) : DeliveryResult.Permanent(error);

    /// <summary>Connection errors and timeouts (not the host stopping) are retried.</summary>
    public static bool IsTransient(Exception ex, CancellationToken stopping) =>
        ex is HttpRequestException or TimeoutRejectedException || (ex is OperationCanceledException && !stopping.IsCancellationRequested);

    public static DeliveryResult Transient(Exception ex, TimeSpan timeout) =>
        DeliveryResult.Retry(ex is OperationCanceledException ? $"timed out after {timeout}" : $"{ex.GetType().Name}: {ex.Message}");
}
