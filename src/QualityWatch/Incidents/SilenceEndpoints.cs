using System.Text.Json;
using QualityWatch.Api;

namespace QualityWatch.Incidents;

/// <summary><c>POST /v1/silences</c>, <c>DELETE /v1/silences/{id}</c> (role oncall or admin) and <c>GET /v1/silences?all=</c> (role read).</summary>
internal static class SilenceEndpoints
{
    private const long MaxBodyBytes = 16 * 1024;

    public static WebApplication MapSilenceEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/silences", ListAsync).RequireAuthorization(ApiRoles.Read);
        app.MapPost("/v1/silences", CreateAsync).RequireAuthorization(ApiRoles.Oncall);
        app.MapDelete("/v1/silences/{id}", DeleteAsync).RequireAuthorization(ApiRoles.Oncall);
        return app;
    }

    private static async Task<IResult> ListAsync(SilenceStore store, TimeProvider time, string? all, CancellationToken cancellationToken)
    {
        var invalid = ApiQuery.OneOf("all", all, ["true", "false"]);
        if (invalid is not null)
        {
            return invalid;
        }

        return Results.Json(await store.ListAsync(time.GetUtcNow(), all == "true", cancellationToken), IncidentsJsonContext.Default.IReadOnlyListSilence);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IncidentActions actions, CancellationToken cancellationToken)
    {
        if (await RequestBodyReader.ReadAsync(context, MaxBodyBytes) is not { } body)
        {
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body may be at most {MaxBodyBytes} bytes.");
        }

        SilenceRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body.Span, IncidentsJsonContext.Default.SilenceRequest);
        }
        catch (JsonException ex)
        {
            return Invalid("invalid_body", $"The body must be a JSON object: {ex.Message}");
        }

        var result = await actions.SilenceAsync(request, IncidentActions.Who(context.User), cancellationToken);
        return result.Silence is { } silence
            ? Results.Json(silence, IncidentsJsonContext.Default.Silence, statusCode: StatusCodes.Status201Created)
            : Invalid(result.Code!, result.Message!);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IncidentActions actions, string id, CancellationToken cancellationToken) =>
        await actions.DeleteSilenceAsync(id, IncidentActions.Who(context.User), cancellationToken)
            ? Results.NoContent()
            : ApiErrors.Error(StatusCodes.Status404NotFound, "not_found", $"No silence '{id}' (or it was deleted already).");

    private static IResult Invalid(string code, string message) => ApiErrors.Error(StatusCodes.Status400BadRequest, code, message);
}
