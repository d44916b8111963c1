using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Gemini.Wire;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Tokens;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>The <c>/v1beta/cachedContents</c> REST surface: create, list, get, patch (expiration only), delete.</summary>
internal sealed class CachedContentsEndpoints(SimulatorOptions options, CacheStore caches, SimulatorStats stats, TimeProvider time, ILogger<CachedContentsEndpoints> logger)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    private static readonly FrozenSet<string> Fields = JsonFields.Names(
        "name", "displayName", "model", "systemInstruction", "contents", "tools", "toolConfig", "ttl", "expireTime",
        "createTime", "updateTime", "usageMetadata");

    public Task CreateAsync(HttpContext context) => Run(context, EndpointKind.CacheCreate, async () =>
    {
        var (node, malformed) = await JsonBody.ReadAsync(context);
        if (node is not JsonObject body)
        {
            return GoogleErrors.InvalidArgument("Invalid JSON payload received. " + (malformed ?? "Expected an object."));
        }

        if (JsonFields.FirstUnknown(body, Fields) is { } unknown)
        {
            return GoogleErrors.UnknownField(unknown);
        }

        var model = JsonFields.String(body["model"]);
        var displayName = JsonFields.String(JsonFields.Get(body, "displayName"));
        var system = JsonFields.Get(body, "systemInstruction") is { } s ? ContentTexts.Of(s) : [];
        var contents = JsonFields.Get(body, "contents") is JsonArray items ? items.Select(ContentTexts.Of).ToList() : [];
        var now = time.GetUtcNow();
        var (expireTime, expiryError) = CacheExpiry.Read(body, now);
        var error = (model, displayName, system, expiryError) switch
        {
            (null or "", _, _, _) => "* CreateCachedContentRequest.cached_content.model: model is required.\n",
            (_, { Length: > 128 }, _, _) => "* CreateCachedContentRequest.cached_content.display_name: must be at most 128 characters.\n",
            (_, _, null, _) => "Invalid value at 'cached_content.system_instruction': expected a Content object with parts.",
            (_, _, _, { } e) => e,
            _ when contents.Any(c => c is null) => "Invalid value at 'cached_content.contents': expected Content objects with parts.",
            _ => null,
        };
        if (error is not null)
        {
            return GoogleErrors.InvalidArgument(error);
        }

        stats.Instructed(system!);
        var tokens = TokenCounter.Count(system!) + contents.Sum(c => TokenCounter.Count(c!));
        if (tokens < options.MinCacheTokens)
        {
            return GoogleErrors.InvalidArgument(
                $"Cached content is too small. total_token_count={tokens}, min_total_token_count={options.MinCacheTokens}");
        }

        var name = model!.StartsWith("models/", StringComparison.Ordinal) ? model : $"models/{model}";
        var entry = caches.Add(name, displayName, tokens, expireTime ?? now + options.DefaultCacheTtl);
        Log.CacheCreated(logger, entry.Name, entry.Model, tokens, entry.ExpireTime);
        return Ok(entry);
    });

    public Task ListAsync(HttpContext context) => Run(context, EndpointKind.CacheList, () =>
    {
        var query = context.Request.Query;
        var pageSize = int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? Math.Min(size, MaxPageSize)
            : DefaultPageSize;
        var after = 0L;
        if (query["pageToken"].ToString() is { Length: > 0 } token && !CachePageToken.TryRead(token, out after))
        {
            return Task.FromResult(GoogleErrors.InvalidArgument("Invalid page token."));
        }

        var live = caches.Live().Where(e => e.Sequence > after).ToList();
        var page = live.Take(pageSize).ToList();
        var next = live.Count > page.Count ? CachePageToken.Write(page[^1].Sequence) : null;
        var response = new ListCachedContentsResponse(page.Count > 0 ? [.. page.Select(Resource)] : null, next);
        return Task.FromResult(new WireReply(200, JsonSerializer.SerializeToUtf8Bytes(response, GeminiJsonContext.Wire.ListCachedContentsResponse)));
    });

    public Task GetAsync(HttpContext context, string id) => Run(context, EndpointKind.CacheGet, () =>
        Task.FromResult(caches.Find(Name(id)) is { } entry ? Ok(entry) : NotFound(id)));

    public Task PatchAsync(HttpContext context, string id) => Run(context, EndpointKind.CachePatch, async () =>
    {
        var (node, malformed) = await JsonBody.ReadAsync(context);
        if (node is not JsonObject body)
        {
            return GoogleErrors.InvalidArgument("Invalid JSON payload received. " + (malformed ?? "Expected an object."));
        }

        var mask = context.Request.Query["updateMask"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (mask.Any(path => path is not ("ttl" or "expireTime" or "expire_time")))
        {
            return GoogleErrors.InvalidArgument("* UpdateCachedContentRequest.update_mask: only expiration (ttl or expire_time) can be updated.\n");
        }

        // The mask names what to take from the body; without one (the cookbook omits it) the body decides.
        var updates = mask.Length == 0 ? body : new JsonObject(body.Where(p => mask.Contains(p.Key) ||
            mask.Contains(JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key))).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var (expireTime, error) = CacheExpiry.Read(updates, time.GetUtcNow());
        if (error is not null || expireTime is null)
        {
            return GoogleErrors.InvalidArgument(error ?? "* UpdateCachedContentRequest: set ttl or expire_time; only expiration can be updated.\n");
        }

        return caches.UpdateExpiry(Name(id), expireTime.Value) is { } entry ? Ok(entry) : NotFound(id);
    });

    public Task DeleteAsync(HttpContext context, string id) => Run(context, EndpointKind.CacheDelete, () =>
    {
        if (!caches.Remove(Name(id)))
        {
            return Task.FromResult(NotFound(id));
        }

        Log.CacheDeleted(logger, Name(id));
        return Task.FromResult(new WireReply(200, "{}"u8.ToArray()));
    });

    internal static CachedContentResource Resource(CachedContentEntry e) => new(
        e.Name, e.Model, ProtoTimestamp.Format(e.CreateTime), ProtoTimestamp.Format(e.UpdateTime), ProtoTimestamp.Format(e.ExpireTime),
        string.IsNullOrEmpty(e.DisplayName) ? null : e.DisplayName, new CacheUsageMetadata(e.TotalTokenCount));

    private async Task Run(HttpContext context, EndpointKind kind, Func<Task<WireReply>> handle)
    {
        stats.Received(kind, time.GetUtcNow());
        var reply = GeminiAuth.Check(context.Request, options) ?? await handle();
        await reply.WriteAsync(context, context.RequestAborted);
    }

    private static WireReply Ok(CachedContentEntry entry) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(Resource(entry), GeminiJsonContext.Wire.CachedContentResource));

    private static WireReply NotFound(string id) => GoogleErrors.NotFound($"CachedContent not found (or permission denied): cachedContents/{id}");

    private static string Name(string id) => $"cachedContents/{id}";
}
