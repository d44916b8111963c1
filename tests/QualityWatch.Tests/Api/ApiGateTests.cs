using System.Net.Http.Headers;
using System.Net;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Api;

/// <summary>Key roles on real Kestrel: each key reaches what its roles allow and gets 403 elsewhere.</summary>
public sealed class ApiGateTests : IAsyncLifetime
{
    private const string IngestKey = "ingest-key-0123456789abcdef";
    private const string ReadKey = "read-key-0123456789abcdef";
    private const string ReviewKey = "review-key-0123456789abcdef";
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string LegacyKey = "legacy-key-0123456789abcdef";
    private readonly TempDirectory temp = new();
    private readonly FakeLogCollector logs = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(
        temp.DatabasePath,
        new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Name"] = "shipper",
            ["Auth:Keys:0:Key"] = IngestKey,
            ["Auth:Keys:0:Roles:0"] = "ingest",
            ["Auth:Keys:1:Name"] = "grafana",
            ["Auth:Keys:1:Key"] = ReadKey,
            ["Auth:Keys:1:Roles:0"] = "read",
            ["Auth:Keys:2:Name"] = "reviewer",
            ["Auth:Keys:2:Key"] = ReviewKey,
            ["Auth:Keys:2:Roles:0"] = "review",
            ["Auth:Keys:3:Name"] = "operator",
            ["Auth:Keys:3:Key"] = AdminKey,
            ["Auth:Keys:3:Roles:0"] = "admin",
            ["Ingest:ApiKeys:0"] = LegacyKey,
            ["Metrics:RequireApiKey"] = "true",
        },
        logs);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task IngestOnlyKey_GetSamples_Is403Forbidden()
    {
        var response = await SendAsync(HttpMethod.Get, "/v1/samples", IngestKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("forbidden", body.GetProperty("error").GetString());
        Assert.Contains("shipper", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyKey_PostInteractions_Is403AndStoresNothing()
    {
        var response = await SendAsync(HttpMethod.Post, "/v1/interactions", ReadKey, Some.Json(Some.Interaction()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await response.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    [Fact]
    public async Task EachKey_ReachesWhatItsRoleAllows()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v1/interactions", IngestKey, Some.Json(Some.Interaction()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/v1/samples", ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/v1/alerts", ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/v1/notifications", ReadKey)).StatusCode);
    }

    [Theory]
    [InlineData(AdminKey)]
    [InlineData(LegacyKey)]
    public async Task AdminAndIngestApiKeysKeys_CanSendAndRead(string key)
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v1/interactions", key, Some.Json(Some.Interaction()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/v1/samples", key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/metrics", key)).StatusCode);
    }

    [Fact]
    public async Task ReviewOnlyKey_CanNeitherSendNorRead()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v1/interactions", ReviewKey, Some.Json(Some.Interaction()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/v1/status", ReviewKey)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    public async Task NoOrWrongKey_Is401WithTheBearerChallenge(string? key)
    {
        var response = await SendAsync(HttpMethod.Get, "/v1/samples", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("unauthorized", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task MissingRole_IsAnsweredBeforeTheQueryIsChecked()
    {
        var response = await SendAsync(HttpMethod.Get, "/v1/samples?limit=abc", IngestKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithRequireApiKey_TakesTheReadRole()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/metrics", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/metrics", IngestKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/metrics", ReadKey)).StatusCode);
    }

    [Fact]
    public async Task HealthStaysOpen_AndAPathWithoutAPolicyNeedsAKey()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/healthz", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/readyz", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/v1/nothing-here", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/v1/nothing-here", ReviewKey)).StatusCode);
    }

    [Fact]
    public async Task IngestApiKeys_LogTheHintToMoveOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v1/interactions", LegacyKey, Some.Json(Some.Interaction()))).StatusCode);
        }

        var hint = Assert.Single(logs.GetSnapshot(), r => r.Is(14002));
        Assert.Contains("Auth:Keys", hint.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LegacyKey, logs.AllText(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await host.Client.SendAsync(request);
    }
}
