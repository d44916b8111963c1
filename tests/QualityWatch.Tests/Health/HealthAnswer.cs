using System.Net;
using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Health;

/// <summary>A <c>/healthz</c> or <c>/readyz</c> answer as a client reads it.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, (string Status, string Description)> Checks, string Body)
{
    public static async Task<HealthAnswer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));
        return new HealthAnswer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }

    /// <summary>Polls until <paramref name="until"/> holds or the deadline passes; returns the last answer.</summary>
    public static async Task<HealthAnswer> WaitAsync(HttpClient client, string path, Func<HealthAnswer, bool> until, TimeSpan? timeout = null)
    {
        return await Eventually.ValueAsync(() => GetAsync(client, path), until, timeout ?? TimeSpan.FromSeconds(30));
    }
}
