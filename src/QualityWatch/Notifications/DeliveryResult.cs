namespace QualityWatch.Notifications;

/// <summary>What one send attempt came to; a channel says whether a failure is worth retrying.</summary>
internal sealed record DeliveryResult(bool Sent, bool Retryable, string? Error)
{
    public static DeliveryResult Success { get; } = new(true, false, null);

    public static DeliveryResult Retry(string error) => new(false, true, error);

    public static DeliveryResult Permanent(string error) => new(false, false, error);
}
