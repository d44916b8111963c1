using System.Net;
using System.Net.Http.Headers;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>The scrape endpoint's switches, on the real host over real Kestrel sockets.</summary>
public sealed class MetricsEndpointTests
{
    private const string Key = "metrics-test-key-0123456789";

    [Fact]
    public async Task Disabled_ServesNoMetricsEndpoint_WhileIngestStillWorks()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });

        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(2)))).EnsureSuccessStatusCode();

        using var response = await host.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("qualitywatch_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomPath_ServesThereAndNotAtTheDefault()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Metrics:Path"] = "/internal/prom" });

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/metrics")).StatusCode);
        var scrape = await MetricsScrape.FetchAsync(host.Client, "/internal/prom");
        Assert.True(scrape.Has("qualitywatch_queue_samples"));
    }

    [Fact]
    public async Task RequireApiKey_RefusesScrapesWithoutAValidIngestKey()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Ingest:ApiKeys:0"] = Key,
            ["Metrics:RequireApiKey"] = "true",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Scrape(host.Client, "not-" + Key)).StatusCode);
        using var allowed = await Scrape(host.Client, Key);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("qualitywatch_queue_samples", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRequireApiKey_IngestKeysDoNotGuardTheScrape()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Ingest:ApiKeys:0"] = Key });

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task SeparatePort_ServesMetricsOnlyThere_AndNothingElseThere()
    {
        using var temp = new TempDirectory();
        var port = FreePort.Next();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var metricsPort = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        (await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(3)))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/metrics")).StatusCode);
        var scrape = await MetricsScrape.FetchUntilAsync(metricsPort, s => s.Sum("qualitywatch_interactions_received_total") == 3);
        Assert.Equal(3, scrape.Sum("qualitywatch_interactions_received_total"));
        Assert.Equal(HttpStatusCode.NotFound, (await metricsPort.PostAsync("/v1/interactions", Some.Json(Some.Batch(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metricsPort.GetAsync("/v1/samples")).StatusCode);
    }

    private static Task<HttpResponseMessage> Scrape(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }
}
