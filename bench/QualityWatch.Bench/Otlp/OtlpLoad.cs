using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;
using QualityWatch.Bench.Ingest;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Bench.Otlp;

/// <summary>
/// Drives POST /v1/traces with OTLP/HTTP protobuf exports of GenAI chat spans, carrying the same texts as
/// the ingest bench's NDJSON lines, from several connections for a fixed time.
/// </summary>
internal static class OtlpLoad
{
    /// <summary>Exports built before the clock starts, per connection: the client's protobuf encoding shares the two cores with the service.</summary>
    private const int PrebuiltPerConnection = 24;

    public static async Task<IngestRun> RunAsync(Uri url, TimeSpan duration, int connections, int batch, string key)
    {
        var run = Guid.NewGuid();
        var bodies = Enumerable.Range(0, connections)
            .Select(worker => Enumerable.Range(0, PrebuiltPerConnection).Select(round => Export(run, worker, round, batch).ToByteArray()).ToArray())
            .ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var latencies = new List<double>[connections];
        var accepted = new long[connections];
        var errors = 0L;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            latencies[worker] = [];
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                // Past the prebuilt ones, encode on the fly (a run long enough to exhaust them is slower at the client).
                using var content = new ByteArrayContent(round < PrebuiltPerConnection ? bodies[worker][round] : Export(run, worker, round, batch).ToByteArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync("/v1/traces", content);
                    var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
                    latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        accepted[worker] += batch - (answer.PartialSuccess?.RejectedSpans ?? 0);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidProtocolBufferException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new IngestRun(batch, connections, elapsed, accepted.Sum(), 0, all.Length, errors, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>One export of <paramref name="batch"/> chat spans with IngestLoad's prompt, response, model and version.</summary>
    internal static ExportTraceServiceRequest Export(Guid run, int worker, int round, int batch)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "bench" } };
        var end = (ulong)TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000UL;
        var trace = run.ToByteArray();
        BitConverter.TryWriteBytes(trace.AsSpan(0, 4), worker);
        BitConverter.TryWriteBytes(trace.AsSpan(4, 4), round);
        for (var i = 0; i < batch; i++)
        {
            var span = new Span
            {
                TraceId = ByteString.CopyFrom(trace),
                SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)i)),
                Name = "chat gpt-4o-mini",
                Kind = Span.Types.SpanKind.Client,
                StartTimeUnixNano = end - 1_000_000_000UL,
                EndTimeUnixNano = end,
            };
            var prompt = $"Where is my order {round}? My email is jane.doe@example.com";
            const string response = "Your order shipped yesterday and should arrive on Friday. Call +44 20 7946 0958 with questions.";
            span.Attributes.Add(Attr("gen_ai.operation.name", "chat"));
            span.Attributes.Add(Attr("gen_ai.request.model", "gpt-4o-mini"));
            span.Attributes.Add(Attr("gen_ai.prompt.version", $"v{round % 3}"));
            span.Attributes.Add(Attr("gen_ai.input.messages", $$"""[{"role":"user","parts":[{"type":"text","content":{{JsonSerializer.Serialize(prompt)}}}]}]"""));
            span.Attributes.Add(Attr("gen_ai.output.messages", $$"""[{"role":"assistant","parts":[{"type":"text","content":{{JsonSerializer.Serialize(response)}}}]}]"""));
            scope.Spans.Add(span);
        }

        var resource = new ResourceSpans { Resource = new Resource() };
        resource.Resource.Attributes.Add(Attr("dataset", "customer-support-v2"));
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    private static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
