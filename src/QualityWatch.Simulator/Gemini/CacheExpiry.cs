using System.Text.Json.Nodes;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>The CachedContent expiration oneof: <c>ttl</c> (Duration, input only) or <c>expireTime</c> (Timestamp).</summary>
internal static class CacheExpiry
{
    /// <summary>The expiry a body asks for; null expiry with no error when it sets neither field.</summary>
    public static (DateTimeOffset? ExpireTime, string? Error) Read(JsonObject body, DateTimeOffset now)
    {
        var ttl = JsonFields.Get(body, "ttl");
        var expire = JsonFields.Get(body, "expireTime");
        if (ttl is not null && expire is not null)
        {
            return (null, "* CachedContent: only one of ttl and expire_time can be set.\n");
        }

        if (ttl is not null)
        {
            if (!ProtoDuration.TryParse(JsonFields.String(ttl), out var duration))
            {
                return (null, $"Invalid value at 'cached_content.ttl' (type.googleapis.com/google.protobuf.Duration), {ttl.ToJsonString(WireJson.NodeOptions)}");
            }

            return duration > TimeSpan.Zero ? (now + duration, null) : (null, "* CachedContent.ttl: ttl must be positive.\n");
        }

        if (expire is not null)
        {
            if (!ProtoTimestamp.TryParse(JsonFields.String(expire), out var at))
            {
                return (null, $"Invalid value at 'cached_content.expire_time' (type.googleapis.com/google.protobuf.Timestamp), {expire.ToJsonString(WireJson.NodeOptions)}");
            }

            return at > now ? (at, null) : (null, "* CachedContent.expire_time: expire_time must be in the future.\n");
        }

        return (null, null);
    }
}
