using System.Text.Json.Nodes;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>
/// Error answers in the google.rpc.Status shape the Gemini API uses:
/// <c>{"error":{"code","message","status","details":[{"@type":...}]}}</c>.
/// </summary>
internal static class GoogleErrors
{
    private const string TypePrefix = "type.googleapis.com/google.rpc.";
    private const string RateLimitsUrl = "https://ai.google.dev/gemini-api/docs/rate-limits";
    private const string QuotaMessage =
        "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: " + RateLimitsUrl + ".";

    public static WireReply InvalidArgument(string message, JsonObject? detail = null) =>
        Status(400, "INVALID_ARGUMENT", message, detail is null ? [] : [detail]);

    /// <summary>An unknown field, as proto3 JSON parsing reports it.</summary>
    public static WireReply UnknownField(string name, string? parent = null)
    {
        var message = $"Invalid JSON payload received. Unknown name \"{name}\"{(parent is null ? "" : $" at '{parent}'")}: Cannot find field.";
        return InvalidArgument(message, Detail("BadRequest", new JsonObject
        {
            ["fieldViolations"] = new JsonArray(new JsonObject { ["description"] = message }),
        }));
    }

    public static WireReply ApiKeyInvalid() =>
        Status(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [Detail("ErrorInfo", new JsonObject
        {
            ["reason"] = "API_KEY_INVALID",
            ["domain"] = "googleapis.com",
            ["metadata"] = new JsonObject { ["service"] = "generativelanguage.googleapis.com" },
        })]);

    public static WireReply PermissionDenied(string message) => Status(403, "PERMISSION_DENIED", message, []);

    public static WireReply NotFound(string message) => Status(404, "NOT_FOUND", message, []);

    /// <summary>A per-minute quota 429; RetryInfo only when a delay is given, as real 429s sometimes lack it.</summary>
    public static WireReply PerMinuteQuota(TimeSpan? retryDelay)
    {
        List<JsonObject> details =
        [
            QuotaFailure("generativelanguage.googleapis.com/generate_content_paid_tier_requests", "GenerateRequestsPerMinutePerProjectPerModel-PaidTier"),
            Help(),
        ];
        if (retryDelay is { } delay)
        {
            details.Add(Detail("RetryInfo", new JsonObject { ["retryDelay"] = ProtoDuration.Format(delay) }));
        }

        return Status(429, "RESOURCE_EXHAUSTED", QuotaMessage, details);
    }

    /// <summary>A daily quota 429: the quotaId says PerDay and there is no RetryInfo, since minutes of waiting will not help.</summary>
    public static WireReply DailyQuota() =>
        Status(429, "RESOURCE_EXHAUSTED", QuotaMessage,
            [QuotaFailure("generativelanguage.googleapis.com/generate_content_paid_tier_requests", "GenerateRequestsPerDayPerProjectPerModel-PaidTier"), Help()]);

    public static WireReply Unavailable() => Status(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", []);

    public static WireReply Internal() =>
        Status(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting", []);

    private static JsonObject QuotaFailure(string metric, string quotaId) => Detail("QuotaFailure", new JsonObject
    {
        ["violations"] = new JsonArray(new JsonObject
        {
            ["quotaMetric"] = metric,
            ["quotaId"] = quotaId,
            ["quotaDimensions"] = new JsonObject { ["location"] = "global", ["model"] = "gemini" },
        }),
    });

    private static JsonObject Help() => Detail("Help", new JsonObject
    {
        ["links"] = new JsonArray(new JsonObject { ["description"] = "Learn more about Gemini API quotas", ["url"] = RateLimitsUrl }),
    });

    private static JsonObject Detail(string type, JsonObject body)
    {
        var detail = new JsonObject { ["@type"] = TypePrefix + type };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            detail[key] = value;
        }

        return detail;
    }

    private static WireReply Status(int code, string status, string message, List<JsonObject> details)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        if (details.Count > 0)
        {
            error["details"] = new JsonArray([.. details]);
        }

        return new WireReply(code, System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["error"] = error }.ToJsonString(WireJson.NodeOptions)));
    }
}
