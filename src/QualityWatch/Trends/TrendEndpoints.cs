using QualityWatch.Api;
using QualityWatch.Calibration;

namespace QualityWatch.Trends;

/// <summary><c>GET /v1/trends</c> and <c>GET /v1/versions</c>: rollups as JSON, behind the API key.</summary>
internal static class TrendEndpoints
{
    public static WebApplication MapTrendEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/trends", TrendsAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/versions", VersionsAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> TrendsAsync(
        TrendQueries queries, TrendCalendar calendar, CorrectedRates corrected, TimeProvider time,
        string? stream, string? from, string? to, string? granularity, CancellationToken cancellationToken)
    {

        if (ApiQuery.NotEmpty("stream", stream) is { } invalid)
        {
            return invalid;
        }

        var range = TrendRange.Parse(granularity, from, to, time.GetUtcNow(), calendar, out var error);
        if (range is null)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, error.Code, error.Message);
        }

        var buckets = await queries.GetAsync(range.Granularity, stream, range.From, range.To, cancellationToken);
        var rates = await corrected.ForStreamsAsync(buckets.Select(b => b.Stream), cancellationToken);
        var body = new TrendsResponse(
            range.Granularity,
            calendar.Zone.Id,
            DateTimeOffset.FromUnixTimeMilliseconds(range.From),
            DateTimeOffset.FromUnixTimeMilliseconds(range.To),
            [.. buckets.Select(b => TrendPointView.From(b, rates.For(b.Stream, b.Hallucinations, b.Judged)))]);
        return Results.Json(body, TrendsJsonContext.Default.TrendsResponse);
    }

    private static async Task<IResult> VersionsAsync(TrendQueries queries, string? stream, CancellationToken cancellationToken)
    {

        if (ApiQuery.NotEmpty("stream", stream) is { } invalid)
        {
            return invalid;
        }

        var versions = await queries.VersionsAsync(stream, cancellationToken);
        return Results.Json(new VersionsResponse([.. versions.Select(VersionView.From)]), TrendsJsonContext.Default.VersionsResponse);
    }
}
