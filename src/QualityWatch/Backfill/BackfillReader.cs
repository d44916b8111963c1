using System.IO.Compression;
using QualityWatch.Ingestion;

namespace QualityWatch.Backfill;

/// <summary>
/// Reads interaction logs in the ingest format, one JSON object a line: a <c>.jsonl</c> file, a
/// gzipped <c>.jsonl.gz</c>, or a directory of both read in ordinal name order (so a re-run
/// reads the same lines in the same order and every-Nth sampling picks the same ones).
/// Only regular files are read, and no line longer than <c>Ingest:MaxBodyBytes</c> is held.
/// </summary>
internal static class BackfillReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The files to read; a missing path or one that is not a regular file is a <see cref="FileNotFoundException"/> naming it.</summary>
    public static IReadOnlyList<string> Files(string input)
    {
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input)
                .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var file in files)
            {
                RequireRegular(file);
            }

            return files;
        }

        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"no such file or directory: {input}", input);
        }

        RequireRegular(input);
        return [input];
    }

    /// <summary>Every non-blank line, parsed or with the reason it could not be; 1-based line numbers.</summary>
    public static IEnumerable<BackfillLine> Lines(string file, int maxLineBytes)
    {
        using var stream = File.OpenRead(file);
        using var decoded = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        var reader = new LogLineReader(decoded, maxLineBytes);
        var number = 0;
        while (reader.TryRead(out var line, out var overlong))
        {
            number++;
            if (overlong)
            {
                yield return new BackfillLine(file, number, null, $"line is longer than Ingest:MaxBodyBytes ({maxLineBytes} bytes); skipped");
                continue;
            }

            if (Parse(line.Span, number) is { } item)
            {
                yield return new BackfillLine(file, number, item.Wire, item.Error);
            }
        }
    }

    private static ParsedItem? Parse(ReadOnlySpan<byte> line, int number)
    {
        if (number == 1 && line.StartsWith(Utf8Bom))
        {
            line = line[Utf8Bom.Length..];
        }

        var trimmed = line.Trim(" \t\r"u8);
        return trimmed.IsEmpty ? null : InteractionBodyParser.ReadLine(trimmed, number);
    }

    private static void RequireRegular(string path)
    {
        if (!RegularFile.Is(path))
        {
            throw new FileNotFoundException($"{path} is not a regular file (a device, FIFO or socket never ends); give a .jsonl / .jsonl.gz file or a directory of them", path);
        }
    }
}
