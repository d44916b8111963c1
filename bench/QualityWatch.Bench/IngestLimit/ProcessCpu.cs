using System.Globalization;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>
/// CPU seconds a process has used (user + system, from /proc/PID/stat). On a machine shared with other work the
/// interactions/s of a server depend on how much of the cores the scheduler gives it; its CPU per interaction does not.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime/stime in /proc, 100 on every Linux the runtime supports.
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at 3 (state).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (user + system) / TicksPerSecond;
    }
}
