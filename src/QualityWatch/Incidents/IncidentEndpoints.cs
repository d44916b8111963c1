using System.Text.Json;
using QualityWatch.Api;

namespace QualityWatch.Incidents;

/// <summary>
/// <c>GET /v1/incidents?stream=&amp;state=&amp;limit=</c>, <c>GET /v1/incidents/{id}</c> (role read) and
/// <c>POST /v1/incidents/{id}/ack</c> (role oncall or admin).
/// </summary>
internal static class IncidentEndpoints
{
    private const long MaxBodyBytes = 16 * 1024;

    public static WebApplication MapIncidentEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/incidents", ListAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/incidents/{id}", GetAsync).RequireAuthorization(ApiRoles.Read);
        app.MapPost("/v1/incidents/{id}/ack", AcknowledgeAsync).RequireAuthorization(ApiRoles.Oncall);
        return app;
    }

    private static async Task<IResult> ListAsync(IncidentQueries queries, string? stream, string? state, string? limit, CancellationToken cancellationToken)
    {
        var invalid = ApiQuery.Limit(limit, out var take) ?? ApiQuery.NotEmpty("stream", stream) ?? ApiQuery.OneOf("state", state, IncidentStates.All);
        if (invalid is not null)
        {
            return invalid;
        }

        return Results.Json(await queries.ListAsync(stream, state, take, cancellationToken), IncidentsJsonContext.Default.IReadOnlyListIncidentView);
    }

    private static async Task<IResult> GetAsync(IncidentQueries queries, string id, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view
            ? Results.Json(view, IncidentsJsonContext.Default.IncidentView)
            : NotFound(id);

    private static async Task<IResult> AcknowledgeAsync(
        HttpContext context, IncidentActions actions, IncidentQueries queries, string id, CancellationToken cancellationToken)
    {
        AcknowledgeRequest? request = null;
        if (await RequestBodyReader.ReadAsync(context, MaxBodyBytes) is not { } body)
        {
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body may be at most {MaxBodyBytes} bytes.");
        }

        if (body.Length > 0)
        {
            try
            {
                request = JsonSerializer.Deserialize(body.Span, IncidentsJsonContext.Default.AcknowledgeRequest);
            }
            catch (JsonException ex)
            {
                return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_body", $"The body must be a JSON object like {{\"note\": \"...\"}}: {ex.Message}");
            }
        }

        var by = IncidentActions.Who(context.User);
        var (outcome, state) = await actions.AcknowledgeAsync(id, by, request?.Note, cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => NotFound(id),
            AcknowledgeOutcome.NotOpen => ApiErrors.Error(StatusCodes.Status409Conflict, "not_open", $"Incident '{id}' is {state}; only an open incident can be acknowledged."),
            _ => Results.Json((await queries.GetAsync(id, cancellationToken))!, IncidentsJsonContext.Default.IncidentView),
        };
    }

    private static IResult NotFound(string id) => ApiErrors.Error(StatusCodes.Status404NotFound, "not_found", $"No incident '{id}'.");
}
