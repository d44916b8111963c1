using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace QualityWatch.Bench.Ingest;

/// <summary>
/// Drives POST /v1/interactions with NDJSON batches (or single objects with batch 1) from several
/// connections for a fixed time (or until <c>limit</c> interactions are sent), and measures throughput and
/// request latency at the client.
/// </summary>
internal static class IngestLoad
{
    public static async Task<IngestRun> RunAsync(Uri url, TimeSpan duration, int connections, int batch, string key, long limit = long.MaxValue)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var latencies = new List<double>[connections];
        var accepted = new long[connections];
        var sampled = new long[connections];
        var errors = 0L;
        var sent = 0L;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            latencies[worker] = [];
            for (var round = 0; !stop.IsCancellationRequested && Interlocked.Add(ref sent, batch) <= limit; round++)
            {
                using var content = new StringContent(Body(run, worker, round, batch), Encoding.UTF8, batch == 1 ? "application/json" : "application/x-ndjson");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    // Not the stop token: a request in flight when time is up is answered and counted.
                    using var response = await client.PostAsync("/v1/interactions", content);
                    var answer = await response.Content.ReadAsByteArrayAsync();
                    latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        var (a, s) = Counts(answer);
                        accepted[worker] += a;
                        sampled[worker] += s;
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // A refused connection or a timeout is an error of the service under load, not of the bench.
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new IngestRun(batch, connections, elapsed, accepted.Sum(), sampled.Sum(), all.Length, errors, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>~260 bytes per interaction with an email and a phone number, so sampled ones exercise every redaction detector.</summary>
    internal static string Body(string run, int worker, int round, int batch)
    {
        var builder = new StringBuilder(batch * 260);
        for (var i = 0; i < batch; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"{{{run}}}-{{{worker}}}-{{{round}}}-{{{i}}}","prompt":"Where is my order {{{round}}}? My email is jane.doe@example.com","response":"Your order shipped yesterday and should arrive on Friday. Call +44 20 7946 0958 with questions.","model":"gpt-4o-mini","prompt_version":"v{{{round % 3}}}","labels":{"dataset":"customer-support-v2"}}""");
            builder.Append('\n');
        }

        return batch == 1 ? builder.ToString().TrimEnd('\n') : builder.ToString();
    }

    /// <summary>The <c>accepted</c> and <c>sampled</c> counts of an ingest answer: what the service says it committed.</summary>
    private static (long Accepted, long Sampled) Counts(byte[] answer)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        return (root.GetProperty("accepted").GetInt64(), root.GetProperty("sampled").GetInt64());
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
