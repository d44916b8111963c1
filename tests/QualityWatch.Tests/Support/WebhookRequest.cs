namespace QualityWatch.Tests.Support;

/// <summary>One POST a <see cref="WebhookReceiver"/> got, and what it answered.</summary>
public sealed record WebhookRequest(string Id, string Timestamp, string Signature, string Body, int Status);
