using System.Globalization;

namespace QualityWatch.Bench.Shared;

/// <summary>One verb's <c>--name value</c> options and <c>--flag</c> switches, read with the invariant culture.</summary>
internal sealed class BenchArgs(IReadOnlyList<string> args)
{
    public string String(string name, string fallback)
    {
        var index = IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : fallback;
    }

    public int Int(string name, int fallback) => int.Parse(String(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public double Double(string name, double fallback) => double.Parse(String(name, fallback.ToString("R", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>A duration given in seconds (fractions allowed).</summary>
    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Double(name, fallback));

    public bool Flag(string name) => IndexOf(name) >= 0;

    /// <summary><c>--results PATH</c>, else bench/RESULTS.md of the checkout; looked up only then, so an explicit path needs no checkout.</summary>
    public string ResultsPath()
    {
        var index = IndexOf("--results");
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : ResultsFile.DefaultPath;
    }

    /// <summary>
    /// <c>--service-dll PATH</c>, else the Release build of the service in this checkout; null (with the
    /// reason on stderr) when it is not there, so a verb that runs the service as a child process exits 2.
    /// </summary>
    public string? ServiceDll(string verb)
    {
        var dll = String("--service-dll", "");
        dll = dll.Length > 0 ? dll : Path.Combine(RepoRoot.Find(), "src", "QualityWatch", "bin", "Release", "net10.0", "QualityWatch.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        Console.Error.WriteLine($"{verb}: {dll} not found; build it first: dotnet build -c Release bench/QualityWatch.Bench");
        return null;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
