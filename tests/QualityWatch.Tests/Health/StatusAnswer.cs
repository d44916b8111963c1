using System.Net;
using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

/// <summary>A <c>GET /v1/status</c> answer as a client reads it.</summary>
public sealed record StatusAnswer(HttpStatusCode Code, IReadOnlyDictionary<string, (string State, string Reason)> Components, string Body)
{
    public static async Task<StatusAnswer> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/v1/status");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var components = json.RootElement.GetProperty("components").EnumerateObject().ToDictionary(
            c => c.Name,
            c => (c.Value.GetProperty("state").GetString()!, c.Value.GetProperty("reason").GetString()!));
        return new StatusAnswer(response.StatusCode, components, body);
    }

    /// <summary>Polls until <paramref name="until"/> holds or the deadline passes; returns the last answer.</summary>
    public static async Task<StatusAnswer> WaitAsync(HttpClient client, Func<StatusAnswer, bool> until, TimeSpan? timeout = null)
    {
        return await Eventually.ValueAsync(() => GetAsync(client), until, timeout ?? TimeSpan.FromSeconds(30));
    }
}
