namespace QualityWatch.Backfill.Batch.Webhooks;

/// <summary>The batch-completion webhook <c>POST /v1/webhooks/gemini</c>. Section <c>Batch:Webhook</c>.</summary>
internal sealed class GeminiWebhookOptions
{
    public const string SectionName = "Batch:Webhook";

    /// <summary>Maps the endpoint. Default false: the path answers 404 and completion is found by polling only.</summary>
    public bool Enabled { get; set; }

    /// <summary>The webhook's signing secret, <c>whsec_</c> + base64, as Gemini returns it once. Required when enabled; never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>How far <c>webhook-timestamp</c> may lie in the past or the future. Default 5 min, as Standard Webhooks suggests.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest body accepted, bytes. Default 64 KiB: batch events are small.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
