using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace QualityWatch.Bench.Versions;

/// <summary>Sends exactly <c>count</c> interactions, each with a prompt_version no other one has, as NDJSON batches.</summary>
internal static class VersionsLoad
{
    public static async Task<(double Seconds, long Errors)> SendAsync(HttpClient client, string run, int count, int batch, int connections)
    {
        var next = -1;
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int first;
            while ((first = Interlocked.Add(ref next, batch) - batch + 1) < count)
            {
                using var content = new StringContent(Body(run, first, Math.Min(batch, count - first)), Encoding.UTF8, "application/x-ndjson");
                using var response = await client.PostAsync("/v1/interactions", content);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>One interaction with a new prompt_version, timed from send to the committed answer.</summary>
    public static async Task<(double Milliseconds, bool Ok)> SendOneAsync(HttpClient client, string run, int index)
    {
        using var content = new StringContent(Body(run, index, 1), Encoding.UTF8, "application/x-ndjson");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/v1/interactions", content);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
    }

    public static HttpClient Client(Uri baseAddress, string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Body(string run, int first, int count)
    {
        var builder = new StringBuilder(count * 200);
        for (var i = first; i < first + count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"{{{run}}}-{{{i}}}","prompt":"Where is my order?","response":"It shipped yesterday and arrives on Friday.","model":"gpt-4o-mini","prompt_version":"build-{{{run}}}-{{{i}}}"}""");
            builder.Append('\n');
        }

        return builder.ToString();
    }
}
