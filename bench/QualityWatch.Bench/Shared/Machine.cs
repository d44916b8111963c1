using System.Globalization;

namespace QualityWatch.Bench.Shared;

/// <summary>What the results need to say about the machine a run shared: cores and the load already on it.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average (from /proc/loadavg), or -1 where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    public static string Today() => TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount}-core VM");
}
