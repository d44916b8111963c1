using QualityWatch.Testing;

namespace QualityWatch.Bench.Shared;

/// <summary>
/// bench/RESULTS.md. Each benchmark owns one <c>## </c> section, found by the start of its heading
/// (e.g. <c>## Judge throughput</c>) and replaced in place, so a re-run updates its figures and
/// leaves other benchmarks' sections, and older dated sections under other headings, as they are.
/// </summary>
internal static class ResultsFile
{
    public static string DefaultPath => Path.Combine(RepoRoot.Path, "bench", "RESULTS.md");

    /// <summary>Replaces the section whose heading starts with <paramref name="headingPrefix"/>, or appends it.</summary>
    public static void WriteSection(string path, string headingPrefix, string section)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmark results"];
        var replacement = section.TrimEnd('\n').Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(headingPrefix, StringComparison.Ordinal));
        if (start < 0)
        {
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.Add("");
            lines.AddRange(replacement);
        }
        else
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            end = end < 0 ? lines.Count : end;
            lines.RemoveRange(start, end - start);

            // A section followed by another keeps the blank line between them.
            lines.InsertRange(start, start < lines.Count ? [.. replacement, ""] : replacement);
        }

        File.WriteAllText(path, string.Join('\n', lines).TrimEnd('\n') + "\n");
    }
}
