using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QualityWatch.Api;
using QualityWatch.Hosting;

namespace QualityWatch.Reviews;

/// <summary><c>POST /v1/reviews</c>, <c>GET /v1/reviews?stream=&amp;limit=</c>, <c>GET /v1/reviews/queue?stream=&amp;limit=</c>.</summary>
internal static class ReviewEndpoints
{
    /// <summary>A label is a few hundred bytes; the note's limit is in characters, checked after reading.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public static WebApplication MapReviews(this WebApplication app)
    {
        app.MapPost("/v1/reviews", PostAsync).RequireAuthorization(ApiRoles.Review).WithMetadata(new RequestBodyLimit(MaxBodyBytes));
        app.MapGet("/v1/reviews", ListAsync).RequireAuthorization(ApiRoles.Read);
        app.MapGet("/v1/reviews/queue", QueueAsync).RequireAuthorization(ReviewPolicies.Queue);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, ReviewStore store, Reviewer reviewer, IOptions<ReviewsOptions> options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.Error(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Content-Type must be application/json.");
        }

        var body = await RequestBodyReader.ReadAsync(context, MaxBodyBytes);
        if (body is null)
        {
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"A review body is at most {MaxBodyBytes} bytes.");
        }

        var input = ReviewInputParser.Parse(body.Value, options.Value.MaxNoteLength, out var error);
        if (input is null)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_review", error!);
        }

        var result = await store.SaveAsync(input, reviewer.Of(context.User), cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.NotFound => ApiErrors.Error(
                StatusCodes.Status404NotFound, "not_found", $"No sample with interaction id '{input.InteractionId}': it was never sampled, or not received."),
            SaveOutcome.NotJudged => ApiErrors.Error(
                StatusCodes.Status409Conflict, "not_judged", $"Sample '{input.InteractionId}' has no verdict yet (status {result.SampleStatus}): a label is compared with the judge's answer, so it waits for one."),
            _ => Answer(result),
        };
    }

    private static IResult Answer(SaveResult result)
    {
        var label = result.Label!;
        label.Outcome = result.Outcome.ToString().ToLowerInvariant();
        return Results.Json(
            label,
            ReviewsJsonContext.Default.LabelView,
            statusCode: result.Outcome == SaveOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(ReviewQueries queries, string? stream, string? limit, CancellationToken cancellationToken)
    {
        if ((ApiQuery.Limit(limit, out var take) ?? ApiQuery.NotEmpty("stream", stream)) is { } invalid)
        {
            return invalid;
        }

        return Results.Json(await queries.ListAsync(stream, take, cancellationToken), ReviewsJsonContext.Default.IReadOnlyListLabelView);
    }

    private static async Task<IResult> QueueAsync(
        HttpContext context, ReviewDraw queue, Reviewer reviewer, string? stream, string? limit, CancellationToken cancellationToken)
    {
        if ((ApiQuery.Limit(limit, out var take) ?? ApiQuery.NotEmpty("stream", stream)) is { } invalid)
        {
            return invalid;
        }

        var drawn = await queue.DrawAsync(reviewer.Of(context.User), stream, take, cancellationToken);
        return Results.Json(drawn, ReviewsJsonContext.Default.QueueView);
    }
}
