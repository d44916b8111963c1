using System.Globalization;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QualityWatch.Api;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// <c>POST /v1/traces</c>: OTLP/HTTP trace export, protobuf or JSON, compressed or not. GenAI inference spans
/// become interactions and go the way JSON ingest goes (validation, redaction, dedup, sampling, one durable
/// commit before the answer); other spans are counted and ignored.
/// </summary>
internal static class OtlpTracesEndpoint
{
    private const int MaxErrorsInMessage = 3;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        GenAiSpanMapper mapper,
        InteractionValidator validator,
        IngestSubmitter submitter,
        OtlpMetrics metrics,
        ContentCaptureHint hint,
        IOptions<IngestOptions> options,
        ILogger<OtlpMetrics> logger)
    {
        if (!TryGetEncoding(context.Request.ContentType, out var json))
        {
            return OtlpReply.Error(context, json: false, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/x-protobuf or application/json (OTLP/HTTP).");
        }

        if (submitter.Stopping)
        {
            return OtlpReply.Error(context, json, StatusCodes.Status503ServiceUnavailable, "QualityWatch is shutting down; nothing was stored. Retry later.", retryAfterSeconds: 5);
        }

        var limits = options.Value;
        var body = await CompressedBodyReader.ReadAsync(context, limits.MaxBodyBytes, "Ingest:MaxBodyBytes");
        if (body.Failed)
        {
            Log.Refused(logger, body.FailureMessage!);
            return OtlpReply.Error(context, json, body.FailureStatus, body.FailureMessage!);
        }

        ExportTraceServiceRequest request;
        try
        {
            request = json ? OtlpJson.Parse(body.Bytes.Span) : ExportTraceServiceRequest.Parser.ParseFrom(body.Bytes.Span);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or FormatException)
        {
            Log.Refused(logger, ex.Message);
            return OtlpReply.Error(context, json, StatusCodes.Status400BadRequest, $"The body is not an OTLP ExportTraceServiceRequest: {ex.Message}");
        }

        var valid = new List<Interaction>();
        var errors = new List<string>();
        long rejected = 0, noContent = 0;
        string? noContentService = null;
        var fates = new Dictionary<SpanFate, long>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = new OtlpAttributes(resourceSpans.Resource?.Attributes ?? []);
            var resourceLabels = mapper.ResourceLabels(resource);
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                var (fate, wire) = GenAiSpanMapper.Map(resourceLabels, span);
                if (fate == SpanFate.Rejected)
                {
                    errors.Add("a GenAI span without trace_id or span_id");
                    rejected++;
                }
                else if (wire is not null)
                {
                    if (!validator.TryValidate(wire, out var interaction, out var error, generatedId: true))
                    {
                        errors.Add($"span {wire.Id}: {error}");
                        fates[SpanFate.Rejected] = fates.GetValueOrDefault(SpanFate.Rejected) + 1;
                        rejected++;
                        continue;
                    }

                    valid.Add(fate == SpanFate.ContentNotCaptured ? interaction! with { ContentCaptured = false } : interaction!);
                    if (fate == SpanFate.ContentNotCaptured)
                    {
                        noContent++;
                        noContentService ??= resource.String("service.name");
                    }
                }

                fates[fate] = fates.GetValueOrDefault(fate) + 1;
            }
        }

        if (valid.Count > limits.MaxInteractionsPerRequest)
        {
            return OtlpReply.Error(
                context,
                json,
                StatusCodes.Status400BadRequest,
                string.Create(CultureInfo.InvariantCulture, $"The export holds {valid.Count} GenAI spans; Ingest:MaxInteractionsPerRequest allows {limits.MaxInteractionsPerRequest}. Lower the exporter's batch size."));
        }

        var submission = await submitter.SubmitAsync(valid);
        if (submission.Refusal != IngestRefusal.None)
        {
            return OtlpReply.Error(context, json, StatusCodes.Status503ServiceUnavailable, "QualityWatch could not store the spans; nothing was stored. Retry shortly.", retryAfterSeconds: 1);
        }

        foreach (var (fate, count) in fates)
        {
            metrics.Record(fate, count);
        }

        hint.Saw(noContent, noContentService);
        var message = errors.Count == 0
            ? null
            : string.Join("; ", errors.Take(MaxErrorsInMessage)) + (errors.Count > MaxErrorsInMessage ? $"; and {errors.Count - MaxErrorsInMessage} more" : "");
        return OtlpReply.Success(json, rejected, message);
    }

    private static bool TryGetEncoding(string? contentType, out bool json)
    {
        json = false;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        json = media.MediaType.Equals(OtlpReply.Json, StringComparison.OrdinalIgnoreCase);
        return json || media.MediaType.Equals(OtlpReply.Protobuf, StringComparison.OrdinalIgnoreCase);
    }
}
