using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Export;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Export;

public sealed class ExportPagingTests
{
    [Fact]
    public async Task Export_MoreThanAPage_EverySampleOnceInIngestOrder()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, ExportSeed.Settings());
        var count = (ExportQueries.PageSize * 2) + 7;
        var items = Enumerable.Range(0, count).Select(i => Some.Interaction($"page-{i:D5}")).ToList();
        foreach (var chunk in items.Chunk(400))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/interactions") { Content = Some.Ndjson(chunk) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExportSeed.IngestKey);
            (await host.Client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        using var export = new HttpRequestMessage(HttpMethod.Get, "/v1/datasets/export");
        export.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExportSeed.ReadKey);
        var text = await (await host.Client.SendAsync(export)).Content.ReadAsStringAsync();

        var exported = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("interaction_id").GetString()).ToList();
        Assert.Equal(items.Select(i => (string?)i["id"]!.GetValue<string>()), exported);
    }

    [Fact]
    public async Task Export_WithoutReviewLabels_GivesEmptyReviewsAndReviewedTrueMatchesNothing()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, ExportSeed.Settings());
        await ExportSeed.IngestAsync(host, withReviews: false);

        async Task<string[]> Lines(string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/datasets/export" + query);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExportSeed.ReadKey);
            var response = await host.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        var all = await Lines("");
        Assert.Equal(4, all.Length);
        Assert.All(all, l => Assert.Equal(0, JsonDocument.Parse(l).RootElement.GetProperty("reviews").GetArrayLength()));
        Assert.Empty(await Lines("?reviewed=true"));
        Assert.Equal(4, (await Lines("?reviewed=false")).Length);
    }
}
