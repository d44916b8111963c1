using QualityWatch.Api;

namespace QualityWatch.Notifications;

/// <summary>
/// <c>GET /v1/notifications?status=&amp;channel=&amp;limit=</c> (every delivery, why it was sent and how
/// it went) and <c>GET /v1/notifications/{id}</c> (one notification, every attempt on every channel).
/// </summary>
internal static class NotificationEndpoints
{
    private static readonly string[] Statuses = ["pending", "sent", "failed"];

    public static WebApplication MapNotificationEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/notifications", ListAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/notifications/{id}", GetAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> ListAsync(
        NotificationQueries queries, string? status, string? channel, string? limit, CancellationToken cancellationToken)
    {

        var invalid = ApiQuery.Limit(limit, out var take) ?? ApiQuery.OneOf("status", status, Statuses) ?? ApiQuery.NotEmpty("channel", channel);
        if (invalid is not null)
        {
            return invalid;
        }

        var deliveries = await queries.ListAsync(status, channel, take, cancellationToken);
        return Results.Json(deliveries, NotificationsApiJsonContext.Default.IReadOnlyListDeliveryView);
    }

    private static async Task<IResult> GetAsync(string id, NotificationQueries queries, CancellationToken cancellationToken)
    {

        var notification = await queries.GetAsync(id, cancellationToken);
        return notification is null
            ? ApiErrors.Error(StatusCodes.Status404NotFound, "not_found", $"No notification with id '{id}'.")
            : Results.Json(notification, NotificationsApiJsonContext.Default.NotificationView);
    }
}
