using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QualityWatch.Bench.Ingest;
using QualityWatch.Hosting;
using QualityWatch.Ingestion;
using QualityWatch.Ingestion.Otlp;
using QualityWatch.Ingestion.Otlp.Proto;

namespace QualityWatch.Bench.Otlp;

/// <summary>
/// <c>otlp-ingest --profile</c>: where the OTLP-only time goes, in process and on one thread, so it can be read on a
/// shared machine: the same 5,000 interactions as protobuf (parse, map, validate) and as NDJSON (parse, validate).
/// The shared commit path (queue, SQLite) is the same for both routes and is left out.
/// </summary>
internal static class OtlpProfile
{
    private const int Spans = 5_000;
    private const int Batch = 500;

    public static string Run(int rounds)
    {
        using var app = QualityWatchApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"qw-otlp-profile-{Guid.NewGuid():N}.db"),
            ["Otlp:ResourceLabels:0"] = "dataset",
        }));
        var mapper = app.Services.GetRequiredService<GenAiSpanMapper>();
        var validator = app.Services.GetRequiredService<InteractionValidator>();
        var run = Guid.NewGuid();
        var protobuf = Enumerable.Range(0, Spans / Batch).Select(round => OtlpLoad.Export(run, 0, round, Batch).ToByteArray()).ToArray();
        var ndjson = Enumerable.Range(0, Spans / Batch).Select(round => Encoding.UTF8.GetBytes(IngestLoad.Body("profile", 0, round, Batch))).ToArray();

        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        long Allocated()
        {
            var before = bytes;
            bytes = GC.GetAllocatedBytesForCurrentThread();
            return bytes - before;
        }

        // Round 0 warms the JIT up and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            var t = Stopwatch.GetTimestamp();
            var requests = protobuf.Select(b => ExportTraceServiceRequest.Parser.ParseFrom(b)).ToArray();
            var parse = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated["otlp parse"] = Allocated();
            t = Stopwatch.GetTimestamp();
            var mapped = new List<(SpanFate, InteractionWire?)>(Spans);
            foreach (var request in requests)
            {
                foreach (var resourceSpans in request.ResourceSpans)
                {
                    var resource = mapper.ResourceLabels(new OtlpAttributes(resourceSpans.Resource?.Attributes ?? []));
                    foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                    {
                        mapped.Add(GenAiSpanMapper.Map(resource, span));
                    }
                }
            }

            var map = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated["otlp map"] = Allocated();
            t = Stopwatch.GetTimestamp();
            Allocated();
            var valid = mapped.Count(m => m.Item2 is { } s && validator.TryValidate(s, out _, out _, generatedId: true));
            var validate = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated["otlp validate"] = Allocated();
            t = Stopwatch.GetTimestamp();
            Allocated();
            var wires = ndjson.Select(b => InteractionBodyParser.Parse(b, ndjson: true, Batch)).SelectMany(p => p.Items).ToArray();
            var ndjsonParse = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated["ndjson parse"] = Allocated();
            t = Stopwatch.GetTimestamp();
            Allocated();
            var ndjsonValid = wires.Count(w => validator.TryValidate(w.Wire!, out _, out _));
            var ndjsonValidate = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            allocated["ndjson validate"] = Allocated();
            if (valid != Spans || ndjsonValid != Spans)
            {
                throw new InvalidOperationException($"profile: {valid} OTLP and {ndjsonValid} NDJSON of {Spans} valid");
            }

            if (round > 0)
            {
                foreach (var (stage, ms) in new[] { ("otlp parse", parse), ("otlp map", map), ("otlp validate", validate), ("ndjson parse", ndjsonParse), ("ndjson validate", ndjsonValidate) })
                {
                    (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| stage, per {Spans:N0} interactions, one thread | median ms | min ms | allocated KiB |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (stage, times) in stages)
        {
            var sorted = times.Order().ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {sorted[sorted.Length / 2]:F1} | {sorted[0]:F1} | {allocated[stage] / 1024:N0} |");
        }

        return text.ToString();
    }
}
