using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Tests.Simulator;

/// <summary>The cachedContents REST surface with expiry on a fake clock.</summary>
public sealed class CachedContentsTests : IAsyncLifetime
{
    private const int MinTokens = 100;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private JudgeSimulator sim = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        sim = await JudgeSimulator.StartAsync(new SimulatorOptions { MinCacheTokens = MinTokens, TimeProvider = time });
        client = sim.Client();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await sim.DisposeAsync();
    }

    [Fact]
    public async Task Create_ReturnsResourceWithTimesModelAndTokenCount()
    {
        var system = SimWire.Tokens(150);
        var contents = SimWire.Tokens(30, 'b');

        var response = await CreateAsync(system, contents, ttl: "300s", displayName: "rubric-v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = await response.BodyAsync();
        Assert.Equal(["createTime", "displayName", "expireTime", "model", "name", "updateTime", "usageMetadata"], SimWire.Names(cache));
        Assert.StartsWith("cachedContents/", cache.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("models/" + SimWire.GeminiModel, cache.GetProperty("model").GetString());
        Assert.Equal("rubric-v1", cache.GetProperty("displayName").GetString());
        Assert.Equal("2026-03-02T09:00:00Z", cache.GetProperty("createTime").GetString());
        Assert.Equal("2026-03-02T09:00:00Z", cache.GetProperty("updateTime").GetString());
        Assert.Equal("2026-03-02T09:05:00Z", cache.GetProperty("expireTime").GetString());
        Assert.Equal(180, cache.GetProperty("usageMetadata").GetProperty("totalTokenCount").GetInt32());
        Assert.Equal([cache.GetProperty("name").GetString()!], sim.Stats.LiveCaches);
    }

    [Fact]
    public async Task Create_WithExpireTimeOrNoExpiry_UsesItOrTheOneHourDefault()
    {
        var explicitTime = await (await CreateAsync(SimWire.Tokens(150), expireTime: "2026-03-02T12:30:00.250Z")).BodyAsync();
        var defaulted = await (await CreateAsync(SimWire.Tokens(150))).BodyAsync();

        Assert.Equal("2026-03-02T12:30:00.250Z", explicitTime.GetProperty("expireTime").GetString());
        Assert.Equal("2026-03-02T10:00:00Z", defaulted.GetProperty("expireTime").GetString());
    }

    [Fact]
    public async Task Create_BelowMinimumTokens_Is400TooSmall()
    {
        var response = await CreateAsync(SimWire.Tokens(MinTokens - 1), ttl: "300s");

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal($"Cached content is too small. total_token_count={MinTokens - 1}, min_total_token_count={MinTokens}", error.GetProperty("message").GetString());
        Assert.Empty(sim.Stats.LiveCaches);
    }

    [Theory]
    [InlineData("""{"ttl":"300s","expireTime":"2026-03-02T10:00:00Z"}""")]
    [InlineData("""{"ttl":"five minutes"}""")]
    [InlineData("""{"expireTime":"2026-03-02T08:00:00Z"}""")]
    [InlineData("""{"model":""}""")]
    [InlineData("""{"colour":"blue"}""")]
    public async Task Create_InvalidFields_Is400(string extra)
    {
        var body = Body(SimWire.Tokens(150), null, null, null, null);
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject().ToList())
        {
            body[key] = value?.DeepClone();
        }

        var response = await client.PostJsonAsync("v1beta/cachedContents", body);

        await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task Get_AfterTtl_IsGone404AndNotListed()
    {
        var name = await CreateNameAsync("300s");
        var before = await client.GetAsync($"v1beta/{name}");
        time.Advance(TimeSpan.FromSeconds(300));

        var after = await client.GetAsync($"v1beta/{name}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(name, (await before.BodyAsync()).GetProperty("name").GetString());
        await GeminiValidationTests.AssertErrorAsync(after, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("{}", await (await client.GetAsync("v1beta/cachedContents")).Content.ReadAsStringAsync());
        Assert.Empty(sim.Stats.LiveCaches);
    }

    [Fact]
    public async Task Patch_Ttl_RefreshesExpiryFromNow()
    {
        var name = await CreateNameAsync("300s");
        time.Advance(TimeSpan.FromSeconds(200));

        var patched = await client.SendJsonAsync(HttpMethod.Patch, $"v1beta/{name}?updateMask=ttl", """{"ttl":"600s"}""");
        time.Advance(TimeSpan.FromSeconds(500));
        var stillThere = await client.GetAsync($"v1beta/{name}");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.BodyAsync();
        Assert.Equal("2026-03-02T09:13:20Z", body.GetProperty("expireTime").GetString());
        Assert.Equal("2026-03-02T09:03:20Z", body.GetProperty("updateTime").GetString());
        Assert.Equal("2026-03-02T09:00:00Z", body.GetProperty("createTime").GetString());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"v1beta/{name}")).StatusCode);
    }

    [Fact]
    public async Task Patch_ExpireTimeOrNoMask_UpdatesExpiry()
    {
        var name = await CreateNameAsync("300s");

        var byExpireTime = await client.SendJsonAsync(HttpMethod.Patch, $"v1beta/{name}?updateMask=expireTime", """{"expireTime":"2026-03-02T11:00:00Z"}""");
        var noMask = await client.SendJsonAsync(HttpMethod.Patch, $"v1beta/{name}", """{"ttl":"60s"}""");

        Assert.Equal("2026-03-02T11:00:00Z", (await byExpireTime.BodyAsync()).GetProperty("expireTime").GetString());
        Assert.Equal("2026-03-02T09:01:00Z", (await noMask.BodyAsync()).GetProperty("expireTime").GetString());
    }

    [Fact]
    public async Task Patch_AnythingButExpiration_Is400()
    {
        var name = await CreateNameAsync("300s");

        var response = await client.SendJsonAsync(HttpMethod.Patch, $"v1beta/{name}?updateMask=displayName", """{"displayName":"new"}""");

        await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task Delete_ReturnsEmptyObjectThenTheCacheIsGone()
    {
        var name = await CreateNameAsync("300s");

        var deleted = await client.DeleteAsync($"v1beta/{name}");
        var again = await client.DeleteAsync($"v1beta/{name}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("{}", await deleted.Content.ReadAsStringAsync());
        await GeminiValidationTests.AssertErrorAsync(again, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"v1beta/{name}")).StatusCode);
        Assert.Equal(2, sim.Stats.Count(EndpointKind.CacheDelete));
    }

    [Fact]
    public async Task List_PagesWithPageSizeAndToken()
    {
        var names = new[] { await CreateNameAsync("300s"), await CreateNameAsync("300s"), await CreateNameAsync("300s") };

        var first = await (await client.GetAsync("v1beta/cachedContents?pageSize=2")).BodyAsync();
        var token = first.GetProperty("nextPageToken").GetString()!;
        var second = await (await client.GetAsync($"v1beta/cachedContents?pageSize=2&pageToken={Uri.EscapeDataString(token)}")).BodyAsync();

        var listed = first.GetProperty("cachedContents").EnumerateArray().Concat(second.GetProperty("cachedContents").EnumerateArray())
            .Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Equal(names, listed);
        Assert.False(second.TryGetProperty("nextPageToken", out _));
        Assert.Equal(2, sim.Stats.Count(EndpointKind.CacheList));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1beta/cachedContents?pageToken=bogus!")).StatusCode);
    }

    [Fact]
    public async Task GenerateContent_WithCachedContent_ReportsCachedTokens()
    {
        var name = await CreateNameAsync("300s", systemTokens: 150);
        var user = "Response: it shipped.";

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest(user, system: null, cachedContent: name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = (await response.BodyAsync()).GetProperty("usageMetadata");
        var prompt = 150 + SimWire.CountTokens(user);
        Assert.Equal(prompt, usage.GetProperty("promptTokenCount").GetInt32());
        Assert.Equal(150, usage.GetProperty("cachedContentTokenCount").GetInt32());
        Assert.Equal(150, Assert.Single(usage.GetProperty("cacheTokensDetails").EnumerateArray()).GetProperty("tokenCount").GetInt32());
        Assert.Equal(prompt + usage.GetProperty("candidatesTokenCount").GetInt32(), usage.GetProperty("totalTokenCount").GetInt32());
        Assert.Equal(1, sim.Stats.CachedContentReferences);
        Assert.Equal([name], sim.Stats.CachedContentNames);
        Assert.Equal(150, Assert.Single(sim.Stats.Records).CachedTokens);
    }

    [Fact]
    public async Task GenerateContent_WithCachedContentAndSystemInstruction_Is400()
    {
        var name = await CreateNameAsync("300s");

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", system: "rubric", cachedContent: name));

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal(
            "CachedContent can not be used with GenerateContent request setting system_instruction, tools or tool_config",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task GenerateContent_WithExpiredOrUnknownCache_Is404()
    {
        var name = await CreateNameAsync("60s");
        time.Advance(TimeSpan.FromMinutes(1));

        var expired = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", system: null, cachedContent: name));
        var unknown = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x", system: null, cachedContent: "cachedContents/nope"));

        await GeminiValidationTests.AssertErrorAsync(expired, HttpStatusCode.NotFound, "NOT_FOUND");
        await GeminiValidationTests.AssertErrorAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task GenerateContent_WithCacheOfAnotherModel_Is400()
    {
        var name = await CreateNameAsync("300s");

        var response = await client.PostJsonAsync(SimWire.GeneratePath("gemini-2.5-pro"), SimWire.GeminiRequest("x", system: null, cachedContent: name));

        var error = await GeminiValidationTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Contains("has to be the same", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateNameAsync(string ttl, int systemTokens = 150)
    {
        var response = await CreateAsync(SimWire.Tokens(systemTokens), ttl: ttl);
        response.EnsureSuccessStatusCode();
        return (await response.BodyAsync()).GetProperty("name").GetString()!;
    }

    private Task<HttpResponseMessage> CreateAsync(string system, string? contents = null, string? ttl = null, string? expireTime = null, string? displayName = null) =>
        client.PostJsonAsync("v1beta/cachedContents", Body(system, contents, ttl, expireTime, displayName));

    private static JsonObject Body(string system, string? contents, string? ttl, string? expireTime, string? displayName)
    {
        var body = new JsonObject
        {
            ["model"] = "models/" + SimWire.GeminiModel,
            ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = system }) },
        };
        if (contents is not null)
        {
            body["contents"] = new JsonArray(new JsonObject { ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["text"] = contents }) });
        }

        foreach (var (key, value) in new[] { ("ttl", ttl), ("expireTime", expireTime), ("displayName", displayName) })
        {
            if (value is not null)
            {
                body[key] = value;
            }
        }

        return body;
    }
}
