using QualityWatch.Api;

namespace QualityWatch.Alerting;

/// <summary><c>GET /v1/alerts</c> (instances) and <c>GET /v1/alerts/history?rule=&amp;limit=</c> (transitions, newest first).</summary>
internal static class AlertEndpoints
{
    public static WebApplication MapAlertEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/alerts", ListAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/alerts/history", HistoryAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> ListAsync(AlertStore store, CancellationToken cancellationToken)
    {

        var instances = await store.ListAsync(cancellationToken);
        IReadOnlyList<AlertInstanceView> views = [.. instances.Select(i => new AlertInstanceView(
            i.Rule, i.Stream, i.PromptVersion, i.State, i.StateSince, i.FiredAt, i.LastEvaluatedAt, i.LastValue, i.Summary,
            i.LastNotifiedAt, i.LastNotificationKind, i.LastNotificationReason))];
        return Results.Json(views, AlertingJsonContext.Default.IReadOnlyListAlertInstanceView);
    }

    private static async Task<IResult> HistoryAsync(AlertStore store, string? rule, string? limit, CancellationToken cancellationToken)
    {

        var invalid = ApiQuery.Limit(limit, out var take) ?? ApiQuery.NotEmpty("rule", rule);
        if (invalid is not null)
        {
            return invalid;
        }

        var history = await store.HistoryAsync(rule, take, cancellationToken);
        return Results.Json(history, AlertingJsonContext.Default.IReadOnlyListAlertTransitionView);
    }
}
