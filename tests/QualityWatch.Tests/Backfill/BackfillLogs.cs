using System.Globalization;
using System.IO.Compression;
using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill;

/// <summary>Writes historical interaction logs in the ingest format; every 5th response hides a hallucination marker for the simulator.</summary>
internal static class BackfillLogs
{
    /// <summary>Midnight UTC three days ago: far enough back that no verdict can land in today's buckets by accident.</summary>
    public static DateTimeOffset Start { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-3);

    /// <summary>Interaction i happens <paramref name="spacing"/> × i after <see cref="Start"/>.</summary>
    public static IEnumerable<string> Lines(int count, TimeSpan spacing, string prefix = "hist") =>
        Enumerable.Range(0, count).Select(i => Some.Interaction(
            id: $"{prefix}-{i:D5}",
            prompt: $"Where is order {prefix}-{i}? Mail me at jane.doe{i}@example.com",
            response: i % 5 == 0 ? $"Order {i} was delivered to the moon. [[hallucination]]" : $"Order {i} shipped on Monday.",
            timestamp: (Start + (spacing * i)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            promptVersion: "v1",
            context: $"Order {i} shipped on Monday.").ToJsonString());

    public static string Write(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = string.Join('\n', lines) + "\n";
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            File.WriteAllText(path, text);
        }

        return path;
    }
}
