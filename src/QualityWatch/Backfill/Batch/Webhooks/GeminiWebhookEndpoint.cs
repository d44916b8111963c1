using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using QualityWatch.Api;

namespace QualityWatch.Backfill.Batch.Webhooks;

/// <summary>
/// <c>POST /v1/webhooks/gemini</c>: a verified batch event makes every running job due and wakes the
/// collector (202). Standard Webhooks deliveries are at-least-once and a resend keeps its
/// webhook-id, so an id seen before is acknowledged without acting again (204), as are event
/// types this service does not handle; the sender then stops retrying.
/// </summary>
internal static class GeminiWebhookEndpoint
{
    public const string Path = "/v1/webhooks/gemini";

    private static readonly string[] BatchEvents = ["batch.succeeded", "batch.failed", "batch.expired"];

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        StandardWebhookVerifier verifier,
        WebhookDeliveries deliveries,
        BatchJobs jobs,
        BatchCollectorSignal signal,
        IOptions<GeminiWebhookOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(GeminiWebhookEndpoint).FullName!);
        var cancellationToken = context.RequestAborted;
        if (await RequestBodyReader.ReadAsync(context, options.Value.MaxBodyBytes) is not { } bytes)
        {
            return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The body is larger than Batch:Webhook:MaxBodyBytes ({options.Value.MaxBodyBytes}).");
        }

        var headers = context.Request.Headers;
        string? id = headers["webhook-id"];
        var body = Encoding.UTF8.GetString(bytes.Span);
        var check = verifier.Verify(id, headers["webhook-timestamp"], headers["webhook-signature"], body);
        if (check != WebhookCheck.Valid)
        {
            Log.WebhookRejected(logger, check.ToString(), id ?? "-");
            return ApiErrors.Error(StatusCodes.Status401Unauthorized, "invalid_webhook", check switch
            {
                WebhookCheck.MissingHeaders => "webhook-id, webhook-timestamp and webhook-signature are required.",
                WebhookCheck.BadTimestamp => "webhook-timestamp is not Unix seconds within Batch:Webhook:Tolerance of now.",
                _ => "No webhook-signature matches the configured secret.",
            });
        }

        if (EventType(body) is not { } type)
        {
            Log.WebhookMalformed(logger, id!);
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_body", "The body must be a JSON object with a string 'type'.");
        }

        // Recorded before acting: if acting then fails, the sender's retry is a duplicate, and polling still finds the job.
        if (!await deliveries.TryRecordAsync(id!, time.GetUtcNow(), options.Value.Tolerance, cancellationToken))
        {
            Log.WebhookDuplicate(logger, id!, type);
            return Results.NoContent();
        }

        if (!BatchEvents.Contains(type, StringComparer.Ordinal))
        {
            Log.WebhookIgnored(logger, id!, type);
            return Results.NoContent();
        }

        // Every running job becomes due, not just the one named: the payload's fields are not documented
        // officially, and a poll of a job still running costs one GET.
        await jobs.PollAllNowAsync(time.GetUtcNow(), cancellationToken);
        signal.Notify();
        Log.WebhookAccepted(logger, id!, type);
        return Results.Accepted();
    }

    private static string? EventType(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } root && root["type"] is JsonValue value && value.TryGetValue<string>(out var type) && type.Length > 0 ? type : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
