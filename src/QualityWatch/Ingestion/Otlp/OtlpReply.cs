using Google.Protobuf;
using QualityWatch.Ingestion.Otlp.Proto;
using RpcStatus = QualityWatch.Ingestion.Otlp.Proto.Rpc.Status;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>
/// OTLP/HTTP answers, in the encoding the request used: an <c>ExportTraceServiceResponse</c> (with
/// <c>partial_success</c> when spans were rejected), or a <c>google.rpc.Status</c> for an error.
/// </summary>
internal static class OtlpReply
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static IResult Success(bool json, long rejectedSpans, string? errorMessage)
    {
        var response = new ExportTraceServiceResponse();
        if (rejectedSpans > 0 || errorMessage is not null)
        {
            response.PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = rejectedSpans, ErrorMessage = errorMessage ?? "" };
        }

        return Encode(response, json, StatusCodes.Status200OK);
    }

    /// <summary>An error answer; <paramref name="retryAfterSeconds"/> marks a retryable one (429/503).</summary>
    public static IResult Error(HttpContext context, bool json, int status, string message, int? retryAfterSeconds = null)
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // google.rpc.Code: 3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED, 14 UNAVAILABLE.
        var code = status switch
        {
            StatusCodes.Status413PayloadTooLarge or StatusCodes.Status429TooManyRequests => 8,
            StatusCodes.Status503ServiceUnavailable => 14,
            _ => 3,
        };
        return Encode(new RpcStatus { Code = code, Message = message }, json, status);
    }

    private static IResult Encode(IMessage message, bool json, int status) =>
        json
            ? Results.Text(Formatter.Format(message), Json, System.Text.Encoding.UTF8, status)
            : new StatusBytes(message.ToByteArray(), status);

    /// <summary>Protobuf bytes with any status (Results.Bytes always answers 200).</summary>
    private sealed class StatusBytes(byte[] body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = Protobuf;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
