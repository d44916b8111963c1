namespace QualityWatch.Bench.Shared;

/// <summary>A process's open-file limit as the kernel applies it, read from /proc/PID/limits.</summary>
internal static class Limits
{
    /// <summary>"soft / hard", e.g. "20000 / 20000"; "?" where there is no /proc.</summary>
    public static string MaxOpenFiles(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var parts = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is { Length: >= 2 } ? $"{parts[0]} / {parts[1]}" : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
