using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Bench.Shared;
using QualityWatch.Redaction;

namespace QualityWatch.Bench.IdRedaction;

/// <summary>
/// <c>id-redaction</c>: CPU and bytes allocated per id for the redactor over ids of three shapes (the ingest bench's, random
/// UUIDs, ids with many digits), with the pre-pass (<see cref="PiiPrefilter"/>, as shipped) and with every detector run
/// (a never-matching custom pattern turns the pre-pass off; it adds one trivial regex run). Single-threaded, best of
/// <c>--repeats</c> passes over the ids, in this process.
/// </summary>
internal static class IdRedactionCommand
{
    public static Command Command() => BenchVerb.Create(
        "id-redaction",
        "CPU per id of the identifier PII scan, with and without the pre-pass",
        Run,
        BenchOption.Int("--ids", 100_000, "ids per shape"),
        BenchOption.Int("--repeats", 7, "passes per measure; the best counts"));

    private static int Run(BenchArgs a)
    {
        var count = a.Int("--ids");
        var repeats = a.Int("--repeats");
        var shipped = new Redactor(Options.Create(new RedactionOptions()));
        var everyDetector = new Redactor(Options.Create(new RedactionOptions { CustomPatterns = [new CustomRedactionPattern { Name = "never", Pattern = "(?!)" }] }));
        var random = new Random(20);
        var shapes = new (string Name, string[] Ids)[]
        {
            ("ingest bench (`{run}-{worker}-{round}-{i}`)", [.. Enumerable.Range(0, count).Select(i => BenchId(random, i))]),
            ("random UUIDs", [.. Enumerable.Range(0, count).Select(_ => Uuid(random))]),
            ("many digits (`order-{date}-{6 digits}`, epoch ms, `conv-{12 digits}`)", [.. Enumerable.Range(0, count).Select(i => DigitHeavy(random, i))]),
        };

        var table = new MarkdownTable(["ids", "called clean by the pre-pass", "every detector: CPU µs / id", "as shipped: CPU µs / id", "pre-pass alone: µs / id", "every detector: bytes / id", "as shipped: bytes / id"]);
        var load = Machine.LoadAverage();
        foreach (var (name, ids) in shapes)
        {
            var clean = ids.Count(id => PiiPrefilter.CannotHoldPii(id));
            var (fullUs, fullBytes) = Measure(ids, repeats, id => everyDetector.Redact(id, new RedactionCounts()).Length);
            var (shippedUs, shippedBytes) = Measure(ids, repeats, id => shipped.Redact(id, new RedactionCounts()).Length);
            var (prePassUs, _) = Measure(ids, repeats, id => PiiPrefilter.CannotHoldPii(id) ? 1 : 0);
            table.Add(name, ((double)clean / ids.Length).ToString("P1", CultureInfo.InvariantCulture), F(fullUs), F(shippedUs), F(prePassUs), F(fullBytes), F(shippedBytes));
            Console.WriteLine($"{name}: clean {clean}/{ids.Length}, every detector {fullUs:F3} us, shipped {shippedUs:F3} us, pre-pass {prePassUs:F3} us; bytes {fullBytes:F0} / {shippedBytes:F0}");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Machine.Describe()}, load average {load:F2} before, {count:N0} ids per shape, best of {repeats}:"));
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    private static string F(double value) => value.ToString(value < 10 ? "F2" : "F0", CultureInfo.InvariantCulture);

    private static (double CpuUs, double Bytes) Measure(string[] ids, int repeats, Func<string, int> work)
    {
        var best = double.MaxValue;
        var bytes = 0.0;
        var sink = 0;
        for (var r = 0; r < repeats; r++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var id in ids)
            {
                sink += work(id);
            }

            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / ids.Length);
            bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / ids.Length;
        }

        GC.KeepAlive(sink);
        return (best, bytes);
    }

    private static string BenchId(Random random, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next():x8}-{random.Next(8)}-{random.Next(4000)}-{i % 500}");

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string DigitHeavy(Random random, int i) => (i % 3) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"order-2026{random.Next(1, 13):00}{random.Next(1, 29):00}-{random.Next(1_000_000):000000}"),
        1 => (1_733_550_000_000L + random.Next()).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"conv-{random.NextInt64(1_000_000_000_000):000000000000}"),
    };
}
