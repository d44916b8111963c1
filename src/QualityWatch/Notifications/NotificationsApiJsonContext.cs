using System.Text.Json.Serialization;

namespace QualityWatch.Notifications;

/// <summary>The notifications API in snake_case, like the other QualityWatch APIs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<DeliveryView>))]
[JsonSerializable(typeof(NotificationView))]
internal sealed partial class NotificationsApiJsonContext : JsonSerializerContext;
