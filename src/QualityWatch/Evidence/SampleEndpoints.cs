using QualityWatch.Api;
using QualityWatch.Judging;
using QualityWatch.Judging.Queue;
using QualityWatch.Redaction;

namespace QualityWatch.Evidence;

/// <summary><c>GET /v1/samples/{id}</c> and <c>GET /v1/samples?status=&amp;stream=&amp;limit=</c>: every sample's fate, visible.</summary>
internal static class SampleEndpoints
{
        public static WebApplication MapSamples(this WebApplication app)
    {
        app.MapGet("/v1/samples/{id}", GetAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/samples", ListAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string id, SampleQueries queries, IdentifierRedactor identifiers, JudgeStatus judge, CancellationToken cancellationToken)
    {

        // The id as stored, or the id as sent: an id with PII is stored redacted, and the same
        // redaction of the sent id finds it.
        var sample = await queries.GetAsync(id, cancellationToken);
        if (sample is null && identifiers.Redact(id) is var stored && !ReferenceEquals(stored, id))
        {
            sample = await queries.GetAsync(stored, cancellationToken);
        }

        if (sample is null)
        {
            return ApiErrors.Error(StatusCodes.Status404NotFound, "not_found", $"No sample with interaction id '{id}': it was never sampled, or not received.");
        }

        if (SampleStatuses.IsOpen(sample.Status))
        {
            sample.JudgeState = judge.State;
        }

        return Results.Json(sample, SamplesJsonContext.Default.SampleView);
    }

    private static async Task<IResult> ListAsync(SampleQueries queries, string? status, string? stream, string? limit, CancellationToken cancellationToken)
    {

        var invalid = ApiQuery.Limit(limit, out var take) ?? ApiQuery.OneOf("status", status, SampleStatuses.Live) ?? ApiQuery.NotEmpty("stream", stream);
        if (invalid is not null)
        {
            return invalid;
        }

        var samples = await queries.ListAsync(status, stream, take, cancellationToken);
        return Results.Json(samples, SamplesJsonContext.Default.IReadOnlyListSampleView);
    }
}
