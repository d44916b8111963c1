using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Export;

/// <summary>One host with <see cref="ExportSeed"/>'s samples, shared by the read-only export API tests.</summary>
public sealed class ExportFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new();

    public InProcessHost Host { get; private set; } = null!;

    public Dictionary<string, string> Ids { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Host = await InProcessHost.StartAsync(temp.DatabasePath, ExportSeed.Settings());
        Ids = await ExportSeed.IngestAsync(Host);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        temp.Dispose();
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? key = ExportSeed.ReadKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Host.Client.SendAsync(request);
    }

    public async Task<List<JsonElement>> LinesAsync(string query)
    {
        var response = await GetAsync("/v1/datasets/export" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>The seed letters (A-D) of the exported samples, in export order.</summary>
    public string Letters(IEnumerable<string> interactionIds) =>
        string.Concat(interactionIds.Select(id => Ids.Single(p => p.Value == id).Key));
}
