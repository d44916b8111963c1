using System.Text.Json.Serialization;
using QualityWatch.Notifications.Alertmanager;
using QualityWatch.Notifications.Webhook;

namespace QualityWatch.Notifications;

/// <summary>The outbox payload, webhook bodies and Alertmanager alerts.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(List<AlertmanagerAlert>))]
internal sealed partial class NotificationsJsonContext : JsonSerializerContext;
