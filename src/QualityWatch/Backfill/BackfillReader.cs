using System.IO.Compression;
using System.Text;
using QualityWatch.Ingestion;

namespace QualityWatch.Backfill;

/// <summary>
/// Reads interaction logs in the ingest format, one JSON object a line: a <c>.jsonl</c> file, a
/// gzipped <c>.jsonl.gz</c>, or a directory of both read in ordinal name order (so a re-run
/// reads the same lines in the same order and every-Nth sampling picks the same ones).
/// </summary>
internal static class BackfillReader
{
    public static IReadOnlyList<string> Files(string input)
    {
        if (File.Exists(input))
        {
            return [input];
        }

        if (!Directory.Exists(input))
        {
            throw new FileNotFoundException($"no such file or directory: {input}", input);
        }

        return [.. Directory.EnumerateFiles(input)
            .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every non-blank line, parsed or with the reason it could not be; 1-based line numbers.</summary>
    public static IEnumerable<BackfillLine> Lines(string file)
    {
        using var stream = File.OpenRead(file);
        using var decoded = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var item = InteractionBodyParser.ReadLine(Encoding.UTF8.GetBytes(trimmed), number);
            yield return new BackfillLine(file, number, item.Wire, item.Error);
        }
    }
}
