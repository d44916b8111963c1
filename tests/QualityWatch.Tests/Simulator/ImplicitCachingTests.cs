using Microsoft.Extensions.Time.Testing;
using QualityWatch.Simulator;

namespace QualityWatch.Tests.Simulator;

/// <summary>
/// Implicit caching: a leading text (systemInstruction + first content text) sharing at least
/// MinCacheTokens tokens with a request seen in the last 5 minutes reports the shared tokens as cached.
/// </summary>
public sealed class ImplicitCachingTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GenerateContent_RepeatedLongPrefix_ReportsSharedTokensAsCached()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { MinCacheTokens = 200, TimeProvider = time });
        using var client = sim.Client();
        var rubric = SimWire.Tokens(300);

        var first = await CachedAsync(client, rubric, "Xsample one");
        var second = await CachedAsync(client, rubric, "Ysample two");

        Assert.Null(first);
        Assert.Equal(300, second);
        Assert.Equal([0, 300], sim.Stats.Records.Select(r => r.CachedTokens));
    }

    [Fact]
    public async Task GenerateContent_SharedPrefixBelowMinimum_ReportsNoCache()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { MinCacheTokens = 301, TimeProvider = time });
        using var client = sim.Client();
        var rubric = SimWire.Tokens(300);

        await CachedAsync(client, rubric, "Xone");
        Assert.Null(await CachedAsync(client, rubric, "Ytwo"));
    }

    [Fact]
    public async Task GenerateContent_PrefixOlderThanFiveMinutes_IsNoLongerCached()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { MinCacheTokens = 200, TimeProvider = time });
        using var client = sim.Client();
        var rubric = SimWire.Tokens(300);

        await CachedAsync(client, rubric, "Xone");
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Null(await CachedAsync(client, rubric, "Ytwo"));
        Assert.Equal(300, await CachedAsync(client, rubric, "Zthree"));
    }

    private static async Task<int?> CachedAsync(HttpClient client, string system, string user)
    {
        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest(user, system: system));
        response.EnsureSuccessStatusCode();
        var usage = (await response.BodyAsync()).GetProperty("usageMetadata");
        return usage.TryGetProperty("cachedContentTokenCount", out var cached) ? cached.GetInt32() : null;
    }
}
