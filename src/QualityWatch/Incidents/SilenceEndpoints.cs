using System.Text.Json;
using QualityWatch.Api;

namespace QualityWatch.Incidents;

/// <summary><c>POST /v1/silences</c>, <c>DELETE /v1/silences/{id}</c> (role oncall or admin) and <c>GET /v1/silences?all=</c> (role read).</summary>
internal static class SilenceEndpoints
{
    private const long MaxBodyBytes = 16 * 1024;
    private static readonly TimeSpan MaxLength = TimeSpan.FromDays(30);

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

    private static async Task<IResult> CreateAsync(HttpContext context, SilenceStore store, TimeProvider time, ILogger<SilenceStore> logger, CancellationToken cancellationToken)
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

        var now = time.GetUtcNow();
        if (request is null || string.IsNullOrWhiteSpace(request.Stream))
        {
            return Invalid("invalid_stream", "stream is required: a stream name, or \"*\" for every stream.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Invalid("invalid_reason", "reason is required: say why the stream is silenced.");
        }

        if (request.PromptVersion is { Length: 0 } || request.Model is { Length: 0 })
        {
            return Invalid("invalid_subject", "prompt_version and model must not be empty; leave them out to silence the whole stream.");
        }

        var startsAt = request.StartsAt ?? now;
        var endsAt = request.EndsAt ?? (request.Duration is { } duration ? startsAt + duration : (DateTimeOffset?)null);
        if (endsAt is null || (request.EndsAt is not null && request.Duration is not null))
        {
            return Invalid("invalid_ends_at", "give either ends_at (an ISO 8601 instant) or duration (e.g. \"02:00:00\"), not both.");
        }

        if (endsAt <= startsAt || endsAt <= now || endsAt - startsAt > MaxLength)
        {
            return Invalid("invalid_ends_at", $"ends_at must be after starts_at and now, and at most {MaxLength.TotalDays} days after starts_at.");
        }

        var by = IncidentEndpoints.Who(context);
        var silence = new Silence($"sil_{Guid.NewGuid():N}"[..16], request.Stream, request.PromptVersion, request.Model, startsAt, endsAt.Value, by, request.Reason, now, null, null);
        await store.CreateAsync(silence, cancellationToken);
        Log.SilenceCreated(logger, silence.Id, silence.Stream, silence.EndsAt, by);
        return Results.Json(silence, IncidentsJsonContext.Default.Silence, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, SilenceStore store, TimeProvider time, ILogger<SilenceStore> logger, string id, CancellationToken cancellationToken)
    {
        var by = IncidentEndpoints.Who(context);
        if (!await store.DeleteAsync(id, by, time.GetUtcNow(), cancellationToken))
        {
            return ApiErrors.Error(StatusCodes.Status404NotFound, "not_found", $"No silence '{id}' (or it was deleted already).");
        }

        Log.SilenceDeleted(logger, id, by);
        return Results.NoContent();
    }

    private static IResult Invalid(string code, string message) => ApiErrors.Error(StatusCodes.Status400BadRequest, code, message);
}
