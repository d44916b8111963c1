using System.Diagnostics;

namespace QualityWatch.Bench.Connections;

/// <summary>GET /healthz, timed: on a new connection each (as a liveness probe or load balancer does), or on one kept-alive client.</summary>
internal static class HealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<ProbeStats> NewConnectionsAsync(Uri baseAddress, int count)
    {
        var answered = new List<double>();
        for (var i = 0; i < count; i++)
        {
            // A handler per probe: no pooled connection survives, so each probe is a fresh TCP accept.
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress, Timeout = Timeout };
            if (await TimeAsync(client) is { } ms)
            {
                answered.Add(ms);
            }
        }

        return ProbeStats.Of(count, answered);
    }

    public static async Task<ProbeStats> KeptConnectionAsync(HttpClient client, int count)
    {
        var answered = new List<double>();
        for (var i = 0; i < count; i++)
        {
            if (await TimeAsync(client) is { } ms)
            {
                answered.Add(ms);
            }
        }

        return ProbeStats.Of(count, answered);
    }

    /// <summary>Milliseconds to a 200, or null when the server refused, closed or timed out.</summary>
    public static async Task<double?> TimeAsync(HttpClient client)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync("healthz");
            return response.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
