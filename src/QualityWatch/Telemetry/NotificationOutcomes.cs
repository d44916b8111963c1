namespace QualityWatch.Telemetry;

/// <summary>The <c>outcome</c> label of <c>qualitywatch_notifications_total</c>: what one delivery attempt came to.</summary>
internal static class NotificationOutcomes
{
    /// <summary>The channel accepted it.</summary>
    public const string Sent = "sent";

    /// <summary>It failed and will be tried again.</summary>
    public const string Retry = "retry";

    /// <summary>It failed for good (not retryable, or out of attempts).</summary>
    public const string Failed = "failed";

    public static bool IsKnown(string? outcome) => outcome is Sent or Retry or Failed;
}
