namespace QualityWatch.Notifications.Webhook;

/// <summary>The webhook body, Standard Webhooks shaped: <c>type</c>, <c>timestamp</c>, <c>data</c>.</summary>
internal sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, WebhookData Data);
