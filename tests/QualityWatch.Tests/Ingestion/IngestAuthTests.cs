using System.Net;
using System.Net.Http.Headers;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

public sealed class IngestAuthTests : IAsyncLifetime
{
    private const string Key = "test-key-0123456789abcdef";
    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
    {
        ["Ingest:ApiKeys:0"] = "another-key-0000000000000",
        ["Ingest:ApiKeys:1"] = Key,
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-0123456789abcdef")]
    [InlineData("Bearer test-key-0123456789abcde")]
    [InlineData("Basic dGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==")]
    public async Task Ingest_WithoutTheRightKey_Returns401AndStoresNothing(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interactions") { Content = Some.Json(Some.Interaction()) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("unauthorized", (await response.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(0, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM seen_interactions"));
    }

    [Fact]
    public async Task Ingest_WithAConfiguredKey_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interactions") { Content = Some.Json(Some.Interaction()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
    }
}
