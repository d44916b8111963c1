using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QualityWatch.Api;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

/// <summary><c>POST /v1/interactions</c>: read, validate, then answer once the writer has committed.</summary>
internal static class IngestEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        InteractionValidator validator,
        IngestSubmitter submitter,
        QualityWatchMetrics metrics,
        IOptions<IngestOptions> options,
        ILogger<IngestQueue> logger)
    {
        var limits = options.Value;

        if (submitter.Stopping)
        {
            Log.RefusedWhileStopping(logger);
            return Refused(context, IngestRefusal.ShuttingDown);
        }

        if (!TryGetFormat(context.Request.ContentType, out var ndjson))
        {
            return Error(
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported_media_type",
                "Content-Type must be application/json (object or array) or application/x-ndjson (one object per line), in UTF-8.");
        }

        var body = await CompressedBodyReader.ReadAsync(context, limits.MaxBodyBytes, "Ingest:MaxBodyBytes");
        if (body.Failed)
        {
            return body.FailureResult();
        }

        var parsed = InteractionBodyParser.Parse(body.Bytes, ndjson, limits.MaxInteractionsPerRequest);
        if (parsed.Failure is not null)
        {
            return Results.Json(parsed.Failure, ApiJsonContext.Default.ApiError, statusCode: parsed.FailureStatus);
        }

        var (valid, rejected) = Validate(parsed, validator, metrics);
        if (parsed.Shape == BodyShape.Object && rejected.Count == 1)
        {
            return Results.Json(
                new RejectedInteractions("invalid_interaction", rejected[0].Error, rejected), IngestJsonContext.Default.RejectedInteractions, statusCode: StatusCodes.Status400BadRequest);
        }

        var submission = await submitter.SubmitAsync(valid);
        if (submission.Refusal != IngestRefusal.None)
        {
            return Refused(context, submission.Refusal);
        }

        var outcome = submission.Outcome;
        return Results.Json(
            new IngestResponse(outcome.Accepted, outcome.Duplicates, outcome.Sampled, rejected), IngestJsonContext.Default.IngestResponse);
    }

    private static (List<Interaction> Valid, List<Rejection> Rejected) Validate(ParsedBody parsed, InteractionValidator validator, QualityWatchMetrics metrics)
    {
        var valid = new List<Interaction>(parsed.Items.Count);
        var rejected = new List<Rejection>();
        foreach (var item in parsed.Items)
        {
            string? error = item.Error;
            if (item.Wire is null)
            {
                error ??= "item must be a JSON object";
            }
            else if (validator.TryValidate(item.Wire, out var interaction, out error))
            {
                valid.Add(interaction!);
                continue;
            }

            var ndjson = parsed.Shape == BodyShape.Ndjson;
            rejected.Add(new Rejection(ndjson ? null : item.Position, ndjson ? item.Position : null, item.Wire?.Id, error!));
            metrics.RecordRejected(validator.StreamOf(item.Wire), 1);
        }

        return (valid, rejected);
    }

    /// <summary>
    /// The answer when nothing was stored. Once shutdown began, new work is refused so the writer can drain
    /// and the process exit in time; every one of these 503s is safe to retry, here or on another instance.
    /// </summary>
    internal static IResult Refused(HttpContext context, IngestRefusal refusal)
    {
        context.Response.Headers.RetryAfter = refusal == IngestRefusal.ShuttingDown ? "5" : "1";
        return refusal switch
        {
            IngestRefusal.ShuttingDown => Error(
                StatusCodes.Status503ServiceUnavailable,
                "shutting_down",
                "QualityWatch is shutting down and takes no new interactions; nothing from this request was stored. Retry against another instance or after the restart."),
            IngestRefusal.Busy => Error(StatusCodes.Status503ServiceUnavailable, "ingest_unavailable", "QualityWatch is busy or stopping; nothing from this request was stored. Retry shortly."),
            _ => Error(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "The database could not commit this request; nothing from it was stored. Retry shortly."),
        };
    }

    private static bool TryGetFormat(string? contentType, out bool ndjson)
    {
        ndjson = false;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        ndjson = media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase) ||
                 media.MediaType.Equals("application/ndjson", StringComparison.OrdinalIgnoreCase);
        return ndjson;
    }

    private static IResult Error(int status, string code, string message) => ApiErrors.Error(status, code, message);
}
