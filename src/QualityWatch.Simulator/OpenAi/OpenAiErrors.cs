using System.Globalization;
using System.Text.Json;
using QualityWatch.Simulator.OpenAi.Wire;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.OpenAi;

/// <summary>Error answers in OpenAI's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal static class OpenAiErrors
{
    public const string InvalidRequest = "invalid_request_error";

    public static WireReply BadRequest(string message, string? param = null, string? code = null) =>
        Error(400, message, InvalidRequest, param, code);

    public static WireReply MissingKey() => Error(401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). " +
        "You can obtain an API key from https://platform.openai.com/account/api-keys.", InvalidRequest, null, null);

    // The real message echoes a masked key; the simulator echoes none of it.
    public static WireReply WrongKey() => Error(401,
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.", InvalidRequest, null, "invalid_api_key");

    /// <summary>A retryable rate-limit 429, with <c>retry-after</c> (seconds) and <c>retry-after-ms</c> when a delay is given.</summary>
    public static WireReply RateLimited(string model, TimeSpan? retryDelay)
    {
        var wait = retryDelay is { } d ? $" Please try again in {d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s." : "";
        var reply = Error(429,
            $"Rate limit reached for {model} in organization org-simulator on requests per min (RPM).{wait} Visit https://platform.openai.com/account/rate-limits to learn more.",
            "requests", null, "rate_limit_exceeded");
        return retryDelay is { } delay
            ? reply.WithHeader("retry-after", Math.Ceiling(delay.TotalSeconds).ToString(CultureInfo.InvariantCulture))
                   .WithHeader("retry-after-ms", Math.Ceiling(delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))
            : reply;
    }

    /// <summary>Out of credit or over a hard limit: a 429 that waiting does not fix.</summary>
    public static WireReply InsufficientQuota() => Error(429,
        "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        "insufficient_quota", null, "insufficient_quota");

    /// <summary>Flex capacity shortage: a 429 "Resource Unavailable" (not billed). The code string is not confirmed by an official page.</summary>
    public static WireReply FlexUnavailable() => Error(429, "Resource Unavailable", "server_error", null, "resource_unavailable");

    public static WireReply Overloaded() => Error(503,
        "The server is overloaded or not ready yet.", "server_error", null, "server_is_overloaded");

    public static WireReply ServerError() => Error(500,
        "The server had an error while processing your request. Sorry about that!", "server_error", null, null);

    private static WireReply Error(int status, string message, string type, string? param, string? code) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new OpenAiErrorBody(new OpenAiError(message, type, param, code)), OpenAiJsonContext.Wire.OpenAiErrorBody));
}
