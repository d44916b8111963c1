namespace QualityWatch.Backfill.Batch.Webhooks;

/// <summary>What <see cref="StandardWebhookVerifier"/> found; anything but <see cref="Valid"/> is answered 401.</summary>
internal enum WebhookCheck
{
    Valid,
    MissingHeaders,
    BadTimestamp,
    BadSignature,
}
