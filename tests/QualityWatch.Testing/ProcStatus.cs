using System.Globalization;

namespace QualityWatch.Testing;

/// <summary>A field of /proc/PID/status, such as the resident set, which the runtime does not report for another process.</summary>
internal static class ProcStatus
{
    public static long Kib(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{pid}/status has no {field}.");
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
