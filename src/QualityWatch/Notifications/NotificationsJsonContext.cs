using System.Text.Json.Serialization;
using QualityWatch.Notifications.Alertmanager;
using QualityWatch.Notifications.Webhook;

namespace QualityWatch.Notifications;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(List<AlertmanagerAlert>))]
[JsonSerializable(typeof(DeliveryView))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryView>))]
internal sealed partial class NotificationsJsonContext : JsonSerializerContext;
