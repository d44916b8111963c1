using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>
/// Every GET route of the API, found from the app's own endpoints (a route added later is walked too),
/// with hostile values in each query parameter it binds: the key is checked first, then each bad value
/// gets 400 with the documented JSON error body, never an empty body or a 500.
/// </summary>
public sealed class QueryParameterTests : IAsyncLifetime
{
    private const string Key = "query-parameter-test-key-0123";

    private static readonly string[] BadDates = ["9999-12-31", "0001-01-01", "10000-01-01", "1969-12-31", "2026-02-30", "yesterday", ""];

    private static readonly string[] BadInstants = [.. BadDates, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"];

    /// <summary>Per query parameter: values that must get a 400. A parameter missing here fails the walk, so a new one gets listed.</summary>
    private static readonly Dictionary<string, string[]> Hostile = new(StringComparer.Ordinal)
    {
        ["limit"] = ["abc", "-1", "0", "1001", "99999999999999999999", "1.5", "", " 5", "0x10", "1e3"],
        ["date"] = BadDates,
        ["from"] = BadInstants,
        ["to"] = BadInstants,
        ["granularity"] = ["minute", "", "DAY"],
        ["status"] = ["bogus", "", "PENDING"],
        ["stream"] = [""],
        ["channel"] = [""],
        ["rule"] = [""],
        ["state"] = ["bogus", "", "OPEN"],
        ["all"] = ["yes", "", "2"],
    };

    /// <summary>Free text that is a legal filter: answered normally, never a 500.</summary>
    private static readonly string[] OddText = ["'; DROP TABLE samples; --", "\u0000", "%", new string('x', 2000), "ü🙂"];

    private readonly TempDirectory temp = new();
    private InProcessHost host = null!;

    public async Task InitializeAsync() =>
        host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Ingest:ApiKeys:0"] = Key });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task EveryGetRoute_HostileQueryValues_Get400WithTheJsonErrorBody_Never500()
    {
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var routes = GetRoutes();
        Assert.True(routes.Count >= 10, $"only {routes.Count} GET routes found: {string.Join(", ", routes.Select(r => r.Path))}");

        var checkedValues = 0;
        foreach (var (path, parameters) in routes)
        {
            foreach (var parameter in parameters)
            {
                Assert.True(Hostile.TryGetValue(parameter, out var values), $"{path} binds query parameter '{parameter}'; list its hostile values in this test");
                foreach (var value in values)
                {
                    var (status, error, body) = await GetAsync($"{path}?{parameter}={Uri.EscapeDataString(value)}");
                    Assert.True(status == HttpStatusCode.BadRequest, $"{path}?{parameter}='{value}': {(int)status} {body}");
                    Assert.True(error.StartsWith("invalid_", StringComparison.Ordinal) || error == "range_too_large", $"{path}?{parameter}='{value}': error '{error}'");
                    checkedValues++;
                }

                if (parameter is "stream" or "channel" or "rule")
                {
                    foreach (var value in OddText)
                    {
                        var (status, _, body) = await GetAsync($"{path}?{parameter}={Uri.EscapeDataString(value)}");
                        Assert.True(status == HttpStatusCode.OK, $"{path}?{parameter}='{value}': {(int)status} {body}");
                    }
                }
            }
        }

        Assert.True(checkedValues >= 60, $"only {checkedValues} hostile values sent");
    }

    [Fact]
    public async Task EveryV1Route_WithoutTheKey_Is401_BeforeAnyQueryParameterIsLookedAt()
    {
        var everything = string.Join('&', Hostile.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value[0])}"));
        foreach (var (path, _) in GetRoutes())
        {
            var (status, error, body) = await GetAsync($"{path}?{everything}");

            Assert.True(status == HttpStatusCode.Unauthorized, $"{path}: {(int)status} {body}");
            Assert.Equal("unauthorized", error);
        }
    }

    [Fact]
    public async Task InRangeDates_AtTheCalendarsEdges_AreAnswered()
    {
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        foreach (var query in new[]
        {
            "/v1/reports/daily?date=1970-01-01",
            "/v1/trends?from=1970-01-01&to=1970-01-02",
            "/v1/trends?granularity=hour&to=1970-01-01T01:00:00Z",
            "/v1/trends?from=9999-11-20&to=9999-12-01",
        })
        {
            using var response = await host.Client.GetAsync(query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<(HttpStatusCode Status, string Error, string Body)> GetAsync(string pathAndQuery)
    {
        using var response = await host.Client.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && !body.StartsWith('{'))
        {
            return (response.StatusCode, "", body);
        }

        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"{pathAndQuery}: 500 {body}");
        Assert.True(body.Length > 0, $"{pathAndQuery}: {(int)response.StatusCode} with an empty body");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (response.StatusCode, "", body);
        }

        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error").GetString()!;
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()), body);
        return (response.StatusCode, error, body);
    }

    /// <summary>Every GET route under /v1 with its query parameters (the handler's simple parameters that are not route values).</summary>
    private List<(string Path, List<string> Parameters)> GetRoutes() =>
        [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (
                e.RoutePattern.RawText!.Replace("{id}", "no-such-id", StringComparison.Ordinal),
                e.Metadata.OfType<MethodInfo>().First().GetParameters()
                    .Where(p => IsSimple(p.ParameterType) && e.RoutePattern.GetParameter(p.Name!) is null)
                    .Select(p => p.Name!)
                    .ToList()))];

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying.IsPrimitive || underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset) || underlying.IsEnum;
    }
}
