using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Judging.Gemini;

/// <summary>
/// Keeps one explicit <c>cachedContents</c> holding the rubric: created on first use, its TTL
/// refreshed while samples keep coming, recreated when it is gone, and stale ones this service
/// created deleted at start. Null means "no explicit cache": the rubric is sent as a stable
/// prefix and implicit caching applies.
/// </summary>
internal sealed class GeminiContextCache(
    IHttpClientFactory httpFactory,
    IOptions<JudgeOptions> options,
    Rubric rubric,
    JudgeCacheRegistry registry,
    TimeProvider time,
    ILogger<GeminiContextCache> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly JudgeCacheOptions cacheOptions = options.Value.Cache;
    private readonly string model = options.Value.ResolvedModel;
    private string? name;
    private DateTimeOffset expireAt;
    private bool implicitOnly = !options.Value.Cache.Enabled || rubric.EstimatedTokens < options.Value.Cache.MinTokens;
    private bool started;

    private string DisplayName => $"qualitywatch-rubric-{rubric.Version}";

    /// <summary>The cache to reference, or null for implicit caching.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (implicitOnly)
        {
            return null;
        }

        if (name is { } current && expireAt - time.GetUtcNow() > cacheOptions.RefreshBefore)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!started)
            {
                started = true;
                await CleanUpAsync(cancellationToken);
            }

            var remaining = expireAt - time.GetUtcNow();
            if (name is not null && remaining > cacheOptions.RefreshBefore)
            {
                return name;
            }

            if (name is not null && remaining > TimeSpan.Zero && await RefreshAsync(name, cancellationToken))
            {
                return name;
            }

            return implicitOnly ? null : await CreateAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The API said the cache is gone: forget it so the next call recreates it.</summary>
    public void Invalidate(string cacheName)
    {
        if (name == cacheName)
        {
            name = null;
            Log.CacheGone(logger, cacheName);
        }
    }

    private async Task<string?> CreateAsync(CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(JudgeHttp.ClientName);
        var body = GeminiWire.CreateCache(model, rubric.Text, DisplayName, cacheOptions.Ttl);
        using var response = await client.PostAsync("v1beta/cachedContents", JudgeHttp.Json(body, GeminiJsonContext.Default.CreateCachedContentRequest), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && text.Contains("too small", StringComparison.OrdinalIgnoreCase))
        {
            implicitOnly = true;
            Log.CacheTooSmall(logger, rubric.EstimatedTokens);
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            // This call goes without an explicit cache; the next one tries again.
            Log.CacheCreateFailed(logger, (int)response.StatusCode);
            return null;
        }

        var created = Deserialize(text);
        name = created.Name ?? throw new JsonException("the created cache has no name");
        expireAt = ExpireTime(created);
        await registry.RecordAsync(name!, model, rubric.Version, expireAt, time.GetUtcNow(), cancellationToken);
        Log.CacheCreated(logger, name!, expireAt);
        return name;
    }

    private async Task<bool> RefreshAsync(string cacheName, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(JudgeHttp.ClientName);
        var body = new CachedContentTtl(GeminiWire.Duration(cacheOptions.Ttl));
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"v1beta/{cacheName}?updateMask=ttl") { Content = JudgeHttp.Json(body, GeminiJsonContext.Default.CachedContentTtl) };
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            name = null;
            await registry.MarkDeletedAsync(cacheName, time.GetUtcNow(), cancellationToken);
            return false;
        }

        expireAt = ExpireTime(Deserialize(await response.Content.ReadAsStringAsync(cancellationToken)));
        await registry.RecordAsync(cacheName, model, rubric.Version, expireAt, time.GetUtcNow(), cancellationToken);
        Log.CacheRefreshed(logger, cacheName, expireAt);
        return true;
    }

    /// <summary>Adopts a still-valid cache for this rubric and model; deletes every other one this service created.</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(JudgeHttp.ClientName);
        var now = time.GetUtcNow();
        foreach (var cache in await registry.LiveAsync(cancellationToken))
        {
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(cache.ExpireAt);
            if (name is null && cache.Model == model && cache.RubricVersion == rubric.Version && expires - now > cacheOptions.RefreshBefore)
            {
                using var check = await client.GetAsync($"v1beta/{cache.Name}", cancellationToken);
                if (check.IsSuccessStatusCode)
                {
                    name = cache.Name;
                    expireAt = expires;
                    continue;
                }
            }
            else if (expires > now)
            {
                using var deleted = await client.DeleteAsync($"v1beta/{cache.Name}", cancellationToken);
                Log.CacheDeleted(logger, cache.Name, (int)deleted.StatusCode);
            }

            await registry.MarkDeletedAsync(cache.Name, now, cancellationToken);
        }
    }

    private static CachedContentReply Deserialize(string body) =>
        JsonSerializer.Deserialize(body, GeminiJsonContext.Default.CachedContentReply) ?? throw new JsonException("the cache reply is null");

    private DateTimeOffset ExpireTime(CachedContentReply cache) =>
        DateTimeOffset.TryParse(cache.ExpireTime, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : time.GetUtcNow() + cacheOptions.Ttl;

    public void Dispose() => gate.Dispose();
}
