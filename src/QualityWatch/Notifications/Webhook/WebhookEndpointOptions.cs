namespace QualityWatch.Notifications.Webhook;

/// <summary>One webhook endpoint, an item of <c>Notifications:Webhooks</c>.</summary>
internal sealed class WebhookEndpointOptions
{
    /// <summary>Unique name; the delivery channel is <c>webhook:{Name}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute http(s) URL the JSON is POSTed to.</summary>
    public Uri? Url { get; set; }

    /// <summary>Signing secret: <c>whsec_&lt;base64&gt;</c> (key = decoded bytes) or any other text (key = its UTF-8 bytes). Never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Notification kinds sent here; empty (default) = all.</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Timeout of one POST. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
