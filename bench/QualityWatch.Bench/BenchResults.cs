namespace QualityWatch.Bench;

/// <summary>Keeps each benchmark's own section of bench/RESULTS.md between markers, replacing it on every run.</summary>
internal static class BenchResults
{
    public static void ReplaceSection(string path, string name, string markdown)
    {
        var start = $"<!-- {name}:start -->";
        var end = $"<!-- {name}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
        var section = $"{start}\n{markdown.TrimEnd()}\n{end}";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }
}
