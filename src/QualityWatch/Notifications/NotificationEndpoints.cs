using QualityWatch.Ingestion;

namespace QualityWatch.Notifications;

/// <summary><c>GET /v1/notifications?status=&amp;limit=</c>: every delivery, why it was sent and how it went.</summary>
internal static class NotificationEndpoints
{
    private static readonly string[] Statuses = ["pending", "sent", "failed"];

    public static WebApplication MapNotificationEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/notifications", ListAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, NotificationStore store, string? status, int? limit, CancellationToken cancellationToken)
    {
        if (ApiErrors.Unauthorized(context) is { } denied)
        {
            return denied;
        }

        if (status is not null && !Statuses.Contains(status))
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_status", "status must be pending, sent or failed.");
        }

        if (limit is < 1 or > 1000)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_limit", "limit must be between 1 and 1000.");
        }

        var deliveries = await store.ListAsync(status, limit ?? 100, cancellationToken);
        return Results.Json(deliveries, NotificationsJsonContext.Default.IReadOnlyListDeliveryView);
    }
}
